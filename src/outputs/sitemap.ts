import { definePlugin, type KilnPlugin, type PluginRoute } from "../plugins/index.js";
import { describeDateProblem, isNoindex, lastModified } from "./entry-dates.js";
import { absoluteUrl, escapeXml, siteRoot } from "./xml-escape.js";

/** Below the protocol's 50,000 per file, with room; larger sites get a sitemap index. */
export const SITEMAP_LIMIT = 45_000;

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

interface SitemapUrl {
  loc: string;
  lastmod: Date | undefined;
  /** The page in other languages: `<xhtml:link rel="alternate" hreflang>`. */
  alternates?: { hreflang: string; href: string }[] | undefined;
}

/** Files of the sitemap: `sitemap.xml` alone, or an index naming `sitemap-N.xml` children. */
export function sitemapFiles(
  siteUrl: string,
  routes: readonly PluginRoute[],
  limit = SITEMAP_LIMIT,
  warn: (message: string) => void = () => {},
): Map<string, string> {
  const urls: SitemapUrl[] = routes
    .filter((route) => route.isPage && !route.isNotFound && !isNoindex(route))
    .map((route) => ({
      loc: absoluteUrl(siteUrl, route.url),
      lastmod: lastModified(route, (field, value) =>
        warn(describeDateProblem(`src/pages/${route.pageFile} (${route.url})`, field, value)),
      ),
      alternates: route.alternates?.map(({ hreflang, url }) => ({
        hreflang,
        href: absoluteUrl(siteUrl, url),
      })),
    }));
  const files = new Map<string, string>();
  if (urls.length <= limit) {
    files.set("sitemap.xml", urlset(urls));
    return files;
  }
  const children: SitemapUrl[] = [];
  for (let i = 0; i * limit < urls.length; i++) {
    const part = urls.slice(i * limit, (i + 1) * limit);
    const name = `sitemap-${i + 1}.xml`;
    files.set(name, urlset(part));
    children.push({ loc: absoluteUrl(siteUrl, `/${name}`), lastmod: newest(part) });
  }
  const entries = children.map((c) => `<sitemap>${fields(c)}</sitemap>\n`).join("");
  files.set("sitemap.xml", `${HEADER}<sitemapindex ${NS}>\n${entries}</sitemapindex>\n`);
  return files;
}

function urlset(urls: readonly SitemapUrl[]): string {
  const xhtml = urls.some((u) => u.alternates) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : "";
  return `${HEADER}<urlset ${NS}${xhtml}>\n${urls.map((u) => `<url>${fields(u)}</url>\n`).join("")}</urlset>\n`;
}

function fields({ loc, lastmod, alternates = [] }: SitemapUrl): string {
  const links = alternates.map(
    (a) =>
      `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`,
  );
  return `<loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}${links.join("")}`;
}

function newest(urls: readonly SitemapUrl[]): Date | undefined {
  let best: Date | undefined;
  for (const { lastmod } of urls) if (lastmod && (!best || lastmod > best)) best = lastmod;
  return best;
}

/**
 * Built in, on when `sitemap` is true and `site.url` is set (a sitemap needs absolute URLs),
 * unless the project ships its own sitemap.xml in public/.
 */
export function sitemapPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:sitemap",
    hooks: {
      "kiln:output": async ({ config, routes, writeFile, has, logger }) => {
        // Sitemaps need absolute URLs. Without site.url there is none, quietly: a build of a
        // site that never set one (an intranet, a test) should print only its summary.
        const root = siteRoot(config.site);
        if (!config.sitemap || has("sitemap.xml") || !root) return;
        for (const [file, xml] of sitemapFiles(root, routes, SITEMAP_LIMIT, (message) =>
          logger.warn(message),
        ))
          await writeFile(file, xml);
      },
    },
  });
}
