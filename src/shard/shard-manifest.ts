import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256, toPosix, walkFiles } from "../support/index.js";
import type { ShardSpec } from "./shard-spec.js";

/** Written at the top of a shard's output; `kiln merge` reads it and leaves it out. */
export const SHARD_MANIFEST = ".kiln-shard.json";

export interface ShardManifest {
  shard: ShardSpec;
  /** Relative path (`/`-separated) → sha256 of the file's bytes, sorted by path. */
  files: Record<string, string>;
}

/** Lists every file of the shard's output with its hash, and writes the manifest beside them. */
export async function writeShardManifest(dir: string, shard: ShardSpec): Promise<ShardManifest> {
  const files: Record<string, string> = {};
  for (const file of await walkFiles(dir, (name) => name === SHARD_MANIFEST)) {
    files[toPosix(path.relative(dir, file))] = sha256(await readFile(file));
  }
  const manifest: ShardManifest = { shard, files };
  await writeFile(path.join(dir, SHARD_MANIFEST), JSON.stringify(manifest, null, 1) + "\n");
  return manifest;
}

/** Reads a shard's manifest; undefined when the folder has none or it is not one of ours. */
export async function readShardManifest(dir: string): Promise<ShardManifest | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(dir, SHARD_MANIFEST), "utf8"));
  } catch {
    return undefined;
  }
  const manifest = data as Partial<ShardManifest> | null;
  const shard = manifest?.shard;
  if (
    !shard ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    typeof manifest.files !== "object" ||
    manifest.files === null
  )
    return undefined;
  return manifest as ShardManifest;
}
