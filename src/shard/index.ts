export { inShard, parseShardSpec, type ShardSpec } from "./shard-spec.js";
export {
  SHARD_MANIFEST,
  readShardManifest,
  writeShardManifest,
  type ShardManifest,
} from "./shard-manifest.js";
