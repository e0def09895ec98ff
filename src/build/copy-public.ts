import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { toPosix, walkFiles } from "../support/index.js";
import type { Staging } from "./staging.js";

/** Copies the public folder into the output as it is; returns the paths and bytes written. */
export async function copyPublic(
  publicDir: string,
  staging: Staging,
): Promise<{ files: string[]; bytes: number }> {
  if (!existsSync(publicDir)) return { files: [], bytes: 0 };
  const files: string[] = [];
  let bytes = 0;
  for (const file of await walkFiles(publicDir, () => false)) {
    const relative = toPosix(path.relative(publicDir, file));
    bytes += await staging.write(relative, await readFile(file));
    files.push(relative);
  }
  return { files, bytes };
}
