import { readFile } from "node:fs/promises";
import type { MarkdownRenderer } from "../markdown/index.js";
import type { Staging } from "./staging.js";

/** Copies the local images that rendered markdown refers to into the output. */
export async function writeMarkdownAssets(
  markdown: MarkdownRenderer,
  staging: Staging,
): Promise<{ files: number; bytes: number }> {
  const assets = [...markdown.takeAssets()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let bytes = 0;
  for (const [output, file] of assets) bytes += await staging.write(output, await readFile(file));
  return { files: assets.length, bytes };
}
