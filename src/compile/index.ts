export {
  bundleModules,
  firstEsbuildError,
  type BundleModulesOptions,
  type BundledModules,
} from "./bundle-modules.js";
export { compiledModuleGone, importCompiled } from "./import-compiled.js";
