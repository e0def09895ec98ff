export {
  configSchema,
  type KilnUserConfig,
  type ResolvedConfig,
  type CollectionConfig,
  type ResolvedBucketOptions,
  type ResolvedDeployOptions,
} from "./schema.js";
export { loadConfig, validateConfig, type LoadedConfig } from "./load-config.js";
export { defineConfig, type CollectionsOf } from "./define-config.js";
export {
  isStandardSchema,
  formatIssuePath,
  issueKeys,
  type StandardSchemaV1,
  type StandardIssue,
  type InferOutput,
} from "./standard-schema.js";
export { digestConfig } from "./config-digest.js";
