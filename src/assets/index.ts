export { bundleIslands, islandsDirOf, type BundledIslands } from "./bundle-islands.js";
export { bundleClient, CLIENT_DIR, type ClientBundle } from "./bundle-client.js";
export { islandServerPlugin } from "./island-server-plugin.js";
export { prepareAssets, type PreparedAssets, type PrepareAssetsOptions } from "./prepare-assets.js";
