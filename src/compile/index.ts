export {
  bundleModules,
  firstEsbuildError,
  type BundleModulesOptions,
  type BundledModules,
} from "./bundle-modules.js";
export { compiledModuleGone, importCompiled } from "./import-compiled.js";
export { importRestoring, writeCompiledFolder, type CompiledFolder } from "./compiled-folder.js";
