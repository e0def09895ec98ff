import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { publishedBytes } from "../support/index.js";

/**
 * Writes the local images a page's markdown refers to into the output folder `dir`, skipping
 * those this thread (`written`) or another already wrote: the same output path always holds
 * the same bytes (its name carries their hash). Written under a temporary name and renamed,
 * so two workers writing one image at once never leave it half-written.
 */
export function writePageAssets(
  dir: string,
  assets: ReadonlyMap<string, string | Uint8Array>,
  written: Set<string>,
): { files: string[]; bytes: number } {
  const files: string[] = [];
  let bytes = 0;
  for (const [output, source] of assets) {
    if (written.has(output)) continue;
    written.add(output);
    const target = path.join(dir, output);
    if (existsSync(target)) continue;
    const contents = publishedBytes(
      output,
      typeof source === "string" ? readFileSync(source) : source,
    );
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${threadId}-${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, target);
    files.push(output);
    bytes += contents.byteLength;
  }
  return { files, bytes };
}
