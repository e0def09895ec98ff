import { existsSync } from "node:fs";
import path from "node:path";
import { walkFiles } from "../support/index.js";
import { PAGE_EXTENSIONS, parsePageFile, type PageFile } from "./page-file.js";

/** Every page file under src/pages; names starting with `_` or `.` are not pages. */
export async function scanPages(pagesDir: string): Promise<PageFile[]> {
  if (!existsSync(pagesDir)) return [];
  const files = await walkFiles(pagesDir, (name) => name.startsWith("_") || name.startsWith("."));
  return files
    .filter((file) => PAGE_EXTENSIONS.has(path.extname(file)) && !file.endsWith(".d.ts"))
    .map((file) => parsePageFile(pagesDir, file));
}
