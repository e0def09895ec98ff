export { build, type BuildOptions, type BuildProgress, type BuildResult } from "./build-site.js";
export {
  resolveProjectPaths,
  resolveRoot,
  assertSafeOutDir,
  cacheDirOf,
  type ProjectPaths,
} from "./project-paths.js";
export {
  expandPaths,
  loadPages,
  routeDefinition,
  type LoadedPage,
  type LoadPagesOptions,
} from "./load-pages.js";
export { mergeShards, type MergeResult } from "./merge-shards.js";
export { prepareSite, type PrepareSiteOptions, type PreparedSite } from "./prepare-site.js";
