export {
  definePlugin,
  type KilnPlugin,
  type PluginHooks,
  type HookName,
  type PluginRoute,
  type ConfigHookContext,
  type RoutesHookContext,
  type OutputHookContext,
} from "./plugin.js";
export { createPluginRunner, type PluginRunner } from "./run-hooks.js";
export { pluginRoutes } from "./plugin-routes.js";
