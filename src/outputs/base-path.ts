import { definePlugin, type KilnPlugin } from "../plugins/index.js";
import { withBase } from "./absolute-urls.js";

/**
 * Built in when `site.base` is not `/`: every page's root-relative URLs get the base path, in
 * the page hook, so it runs wherever the page renders. It runs after the config's plugins, so
 * links they add are prefixed too.
 */
export function basePathPlugin(base: string): KilnPlugin {
  return definePlugin({
    name: "kiln:base",
    hooks: { "kiln:page": ({ html }) => withBase(html, base) },
  });
}
