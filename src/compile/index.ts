export {
  bundleModules,
  firstEsbuildError,
  type BundleModulesOptions,
  type BundledModules,
} from "./bundle-modules.js";
