export { bundleModules, type BundleModulesOptions, type BundledModules } from "./bundle-modules.js";
