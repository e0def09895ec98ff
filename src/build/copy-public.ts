import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inShard, type ShardSpec } from "../shard/index.js";
import { publishedBytes, toPosix, walkFiles } from "../support/index.js";
import type { Staging } from "./staging.js";

/**
 * Copies the public folder into the output as it is (SVGs without script, see sanitizeSvg). A shard copies only its share, but
 * `files` lists them all, so every shard checks pages against every public file.
 */
export async function copyPublic(
  publicDir: string,
  staging: Staging,
  shard?: ShardSpec,
): Promise<{ files: string[]; copied: number; bytes: number }> {
  if (!existsSync(publicDir)) return { files: [], copied: 0, bytes: 0 };
  const files: string[] = [];
  let bytes = 0;
  let copied = 0;
  for (const file of await walkFiles(publicDir, () => false)) {
    const relative = toPosix(path.relative(publicDir, file));
    files.push(relative);
    if (shard && !inShard(relative, shard)) continue;
    bytes += await staging.write(relative, publishedBytes(relative, await readFile(file)));
    copied++;
  }
  return { files, copied, bytes };
}
