import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";
import { readShardManifest, type ShardManifest } from "../shard/index.js";
import { compareStrings, sha256 } from "../support/index.js";
import type { SourceLogger } from "../content/index.js";
import { finishSite } from "./finish-site.js";
import { createStaging } from "./staging.js";

export interface MergeResult {
  outDir: string;
  files: number;
  bytes: number;
}

/**
 * Joins the outputs of `kiln build --shard 1/n … n/n` into `outDir`. Refuses an incomplete or
 * mixed set of shards, a file whose bytes no longer match its shard's manifest, and a path
 * two shards wrote with different bytes. Writes through a staging folder, so a failed merge
 * leaves `outDir` as it was.
 */
export async function mergeShards(
  inputs: readonly string[],
  outDir: string,
  options: {
    warn: (message: string) => void;
    /**
     * The project the shards were built from: its whole-site outputs (sitemap, feeds,
     * headers) are written and every page checked, as a single build does.
     */
    project?: { root: string; logger: SourceLogger } | undefined;
  },
): Promise<MergeResult> {
  const shards: { dir: string; manifest: ShardManifest }[] = [];
  for (const input of inputs) {
    const dir = path.resolve(input);
    const manifest = existsSync(dir) ? await readShardManifest(dir) : undefined;
    if (!manifest) throw new KilnError(catalog.MergeNotShard({ dir }));
    shards.push({ dir, manifest });
  }
  assertWholeSet(shards.map((s) => s.manifest));

  const owner = new Map<string, { dir: string; hash: string }>();
  for (const { dir, manifest } of shards) {
    for (const [file, hash] of Object.entries(manifest.files)) {
      const other = owner.get(file);
      if (other && other.hash !== hash)
        throw new KilnError(catalog.MergeConflict({ file, first: other.dir, second: dir }));
      owner.set(file, { dir, hash });
    }
  }

  const staging = await createStaging(path.resolve(outDir), options);
  try {
    let bytes = 0;
    for (const file of [...owner.keys()].sort(compareStrings)) {
      const { dir, hash } = owner.get(file)!;
      const content = await readFile(path.join(dir, file)).catch(() => undefined);
      if (!content || sha256(content) !== hash)
        throw new KilnError(catalog.MergeFileChanged({ file, dir }));
      bytes += await staging.write(file, content);
    }
    const extra = options.project
      ? await finishSite({ ...options.project, staging, files: owner.keys() })
      : { files: 0 };
    await staging.commit();
    return { outDir: path.resolve(outDir), files: owner.size + extra.files, bytes };
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

function assertWholeSet(manifests: readonly ShardManifest[]): void {
  const count = manifests[0]?.shard.count;
  if (count === undefined)
    throw new KilnError(catalog.MergeShardSet({ problem: "no shards given" }));
  const seen = new Set<number>();
  for (const { shard } of manifests) {
    if (shard.count !== count) {
      throw new KilnError(
        catalog.MergeShardSet({ problem: `shards of ${count} and of ${shard.count} are mixed` }),
      );
    }
    if (seen.has(shard.index))
      throw new KilnError(
        catalog.MergeShardSet({ problem: `shard ${shard.index}/${count} is given twice` }),
      );
    seen.add(shard.index);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) {
    throw new KilnError(
      catalog.MergeShardSet({
        problem: `missing ${missing.map((i) => `${i}/${count}`).join(", ")}`,
      }),
    );
  }
}
