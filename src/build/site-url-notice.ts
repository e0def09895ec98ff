import type { ResolvedConfig } from "../config/index.js";

/**
 * The one warning of a build without `site.url`, naming each output it left out: the docs
 * starter had no URL and silently shipped no sitemap, feeds or canonical links (issue 23).
 * Undefined when the URL is set.
 */
export function siteUrlNotice(config: ResolvedConfig): string | undefined {
  if (config.site.url) return undefined;
  const left = [
    ...(config.sitemap ? ["sitemap.xml"] : []),
    ...(config.sitemap && config.robots !== false ? ["robots.txt"] : []),
    ...(config.feeds.length > 0 ? ["feeds (rss.xml, atom.xml, feed.json)"] : []),
    "canonical and Open Graph URLs",
  ];
  return `no site.url in the config, so this build has no ${left.join(", ")}: set site.url (such as "https://example.org") to add them`;
}
