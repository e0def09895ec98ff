export {
  definePlugin,
  type KilnPlugin,
  type PluginHooks,
  type HookName,
  type PluginRoute,
  type ConfigHookContext,
  type RoutesHookContext,
  type OutputHookContext,
  type PageHookContext,
} from "./plugin.js";
export { createPluginRunner, type PluginRunner } from "./run-hooks.js";
export { pluginRoutes } from "./plugin-routes.js";
export { pageTransform, type PageTransform, type PageTransformInput } from "./page-transform.js";
