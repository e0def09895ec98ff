import { excerptOf } from "../markdown/index.js";
import { definePlugin, type KilnPlugin } from "../plugins/index.js";
import { atom, jsonFeed, rss, type FeedMeta } from "./feed-formats.js";
import { withBase } from "./absolute-urls.js";
import { feedItems } from "./feed-items.js";
import { absoluteUrl, siteRoot } from "./xml-escape.js";

/** Built in: the config's `feeds`, three formats each. Needs `site.url` for absolute links. */
export function feedsPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:feeds",
    hooks: {
      "kiln:output": async ({ config, routes, entries, renderEntry, writeFile, logger }) => {
        if (config.feeds.length === 0) return;
        const siteUrl = siteRoot(config.site);
        // The build's one warning without site.url names the feeds (src/build/site-url-notice.ts).
        if (!siteUrl) return;
        for (const feed of config.feeds) {
          const prefix = feed.dir === "" ? "" : `${feed.dir.replace(/\/$/, "")}/`;
          const title = feed.title ?? config.site.title;
          const meta: FeedMeta = {
            title,
            description: feed.description ?? config.site.description ?? title,
            home: absoluteUrl(siteUrl, "/"),
            lang: config.site.lang,
            rss: absoluteUrl(siteUrl, `/${prefix}rss.xml`),
            atom: absoluteUrl(siteUrl, `/${prefix}atom.xml`),
            json: absoluteUrl(siteUrl, `/${prefix}feed.json`),
          };
          const items = feedItems({
            siteUrl,
            entries: entries(feed.collection),
            routes,
            collection: feed.collection,
            limit: feed.limit,
            warn: (message) => logger.warn(message),
            // Root-relative links get the base path first, then are made absolute.
            render:
              feed.content === "full"
                ? (entry) => withBase(renderEntry(entry), config.site.base)
                : undefined,
            // Entries without a description are summed up by their first words, as Gatsby's
            // feed plugin does with `excerpt`.
            excerpt: (entry) => excerptOf(renderEntry(entry)),
          });
          await writeFile(`${prefix}rss.xml`, rss(meta, items));
          await writeFile(`${prefix}atom.xml`, atom(meta, items));
          await writeFile(`${prefix}feed.json`, jsonFeed(meta, items));
        }
      },
    },
  });
}
