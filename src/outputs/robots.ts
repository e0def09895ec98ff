import type { ResolvedConfig } from "../config/index.js";
import { definePlugin, type KilnPlugin } from "../plugins/index.js";
import { absoluteUrl, siteRoot } from "./xml-escape.js";

/** robots.txt text: the configured groups, then the sitemap line when there is a sitemap. */
export function robotsText(config: ResolvedConfig): string | undefined {
  if (config.robots === false) return undefined;
  const groups = config.robots.rules.map((rule) =>
    [
      `User-agent: ${rule.userAgent}`,
      ...rule.allow.map((p) => `Allow: ${p}`),
      ...rule.disallow.map((p) => `Disallow: ${p}`),
    ].join("\n"),
  );
  const sitemap =
    config.sitemap && config.site.url
      ? [`Sitemap: ${absoluteUrl(siteRoot(config.site)!, "/sitemap.xml")}`]
      : [];
  return [...groups, ...sitemap].join("\n\n") + "\n";
}

/**
 * Built in: robots.txt when `site.url` is set, unless `robots: false` or the project ships
 * its own in public/.
 */
export function robotsPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:robots",
    hooks: {
      "kiln:output": async ({ config, writeFile, has }) => {
        // Without site.url there is no sitemap to name and the site is likely not public yet.
        if (!config.site.url) return;
        const text = robotsText(config);
        if (text !== undefined && !has("robots.txt")) await writeFile("robots.txt", text);
      },
    },
  });
}
