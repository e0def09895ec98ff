import { KilnError, catalog } from "../errors/index.js";
import { definePlugin, type KilnPlugin, type PluginRoute } from "../plugins/index.js";

/** `/a`, `/a/` and `/a/index.html` are one URL to a host serving pretty URLs. */
function urlKey(url: string): string {
  return url.replace(/index\.html$/, "").replace(/\/$/, "") || "/";
}

/** `_redirects` lines (`from to 301`); a redirect from a page's URL is refused, naming both. */
export function redirectsFile(
  redirects: readonly { from: string; to: string }[],
  routes: readonly PluginRoute[],
): string {
  const pages = new Map(routes.map((r) => [urlKey(r.url), r.pageFile]));
  const conflicts = redirects.flatMap(({ from }) => {
    const page = pages.get(urlKey(from));
    return page ? [{ from, page: `src/pages/${page}` }] : [];
  });
  if (conflicts.length > 0) throw new KilnError(catalog.RedirectConflict({ conflicts }));
  return redirects.map(({ from, to }) => `${from} ${to} 301\n`).join("");
}

/** Built in: `_redirects` for Netlify and Cloudflare Pages when the config has `redirects`. */
export function redirectsPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:redirects",
    hooks: {
      "kiln:output": async ({ config, routes, writeFile, has }) => {
        if (config.redirects.length === 0 || has("_redirects")) return;
        await writeFile("_redirects", redirectsFile(config.redirects, routes));
      },
    },
  });
}
