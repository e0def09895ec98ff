export { bundleBrowserCode, islandsDirOf, type BundledClient } from "./bundle-islands.js";
export { bundleClient, CLIENT_DIR, type ClientBundle } from "./bundle-client.js";
export {
  createAssetsServerPlugin,
  type AssetsServerPlugin,
  type ServerFindings,
} from "./server-plugin.js";
export { prepareAssets, type PreparedAssets, type PrepareAssetsOptions } from "./prepare-assets.js";
