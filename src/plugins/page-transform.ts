import type { SourceLogger } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import type { KilnPlugin } from "./plugin.js";
import { thrownReason } from "../support/index.js";

/** A rendered page as `kiln:page` hooks see it. */
export interface PageTransformInput {
  html: string;
  /** The page's path on the site, such as `/blog/hello/`. */
  url: string;
}

/** Every plugin's `kiln:page` hook, in order, as one function of a page's HTML. */
export type PageTransform = (page: PageTransformInput) => Promise<string>;

/**
 * The plugins' `kiln:page` hooks made into one transform. It runs where each page renders (the
 * main thread, a render worker, `kiln dev`), which is why the plugins come from the compiled
 * config in each of them and a hook gets only the page: the same page gives the same bytes
 * wherever it renders. A hook returning nothing keeps the HTML; a throw names the plugin.
 */
export function pageTransform(plugins: readonly KilnPlugin[], logger: SourceLogger): PageTransform {
  const hooks = plugins.flatMap((plugin) => {
    const hook = plugin.hooks["kiln:page"];
    return hook ? [{ plugin, hook }] : [];
  });
  return async (page) => {
    let html = page.html;
    for (const { plugin, hook } of hooks) {
      try {
        const result = await hook({
          html,
          url: page.url,
          logger: {
            info: (message) => logger.info(`[${plugin.name}] ${message}`),
            warn: (message) => logger.warn(`[${plugin.name}] ${message}`),
          },
        });
        if (typeof result === "string") html = result;
      } catch (error) {
        if (KilnError.is(error)) throw error;
        const reason = thrownReason(error);
        throw new KilnError(
          catalog.PluginFailed({ plugin: plugin.name, hook: `kiln:page (${page.url})`, reason }),
          undefined,
          { cause: error },
        );
      }
    }
    return html;
  };
}
