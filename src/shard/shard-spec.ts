import { createHash } from "node:crypto";

/** `--shard 2/4`: the second of four shards. `index` is 1-based, as in CI matrices. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * Whether the file at `outputPath` (relative, `/`-separated) belongs to `shard`. A hash of the
 * path, not its position, decides: adding a page moves no other page to another shard, and
 * every machine agrees.
 */
export function inShard(outputPath: string, shard: ShardSpec): boolean {
  const digest = createHash("sha256").update(outputPath).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}

/** Parses `i/n`; returns undefined when the text is not a valid shard. */
export function parseShardSpec(text: string): ShardSpec | undefined {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}
