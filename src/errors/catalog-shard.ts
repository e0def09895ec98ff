import { define } from "./define-error.js";

/** Errors of sharded builds and `kiln merge` (issue 5). Part of `catalog` (catalog.ts). */
export const shardErrors = {
  MergeNotShard: define<{ dir: string }>({
    code: "KILN_MERGE_NOT_SHARD",
    title: "Not a shard output",
    cause:
      "`kiln merge` joins the output folders of `kiln build --shard i/n`, each of which holds a .kiln-shard.json manifest; this folder has none.",
    message: ({ dir }) => `${dir} has no shard manifest (.kiln-shard.json).`,
    hint: () => "Pass the output folders of `kiln build --shard i/n`, one per shard.",
  }),
  MergeShardSet: define<{ problem: string }>({
    code: "KILN_MERGE_SHARD_SET",
    title: "Incomplete set of shards",
    cause:
      "The folders given to `kiln merge` are not one complete set of shards of one build: a shard is missing, given twice, or from another build.",
    message: ({ problem }) => `The shards do not make one whole build: ${problem}.`,
    hint: () => "Pass exactly one output of each shard 1/n … n/n of the same build.",
  }),
  MergeConflict: define<{ file: string; first: string; second: string }>({
    code: "KILN_MERGE_CONFLICT",
    title: "Two shards wrote different files at one path",
    cause:
      "Two shards wrote different bytes to the same path, which a deterministic build of one input never does: the shards were built from different inputs.",
    message: ({ file, first, second }) =>
      `${file} differs between ${first} and ${second}; the merged site cannot hold both.`,
    hint: () => "Build every shard from the same commit and the same content.",
  }),
  MergeFileChanged: define<{ file: string; dir: string }>({
    code: "KILN_MERGE_FILE_CHANGED",
    title: "A shard file does not match its manifest",
    cause:
      "A shard's file no longer matches the hash in its manifest: it was changed or removed after the shard was built.",
    message: ({ file, dir }) =>
      `${file} in ${dir} is missing or changed since the shard was built.`,
    hint: () => "Rebuild that shard, or pass its output folder as it was written.",
  }),
} as const;
