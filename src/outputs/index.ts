import type { KilnPlugin } from "../plugins/index.js";
import { contentApiPlugin } from "./content-api.js";
import { feedsPlugin } from "./feeds.js";
import { redirectsPlugin } from "./redirects.js";
import { robotsPlugin } from "./robots.js";
import { searchPlugin } from "../search/index.js";
import { securityHeadersPlugin } from "./security-headers.js";
import { sitemapPlugin } from "./sitemap.js";

export { sitemapFiles, SITEMAP_LIMIT } from "./sitemap.js";
export { robotsText } from "./robots.js";
export { escapeXml, absoluteUrl } from "./xml-escape.js";
export { absolutizeHtml, withBase } from "./absolute-urls.js";
export { basePathPlugin } from "./base-path.js";
export { cspMetaPlugin } from "./csp-meta.js";
export { inlineHashes, type InlineHashes } from "./inline-hashes.js";
export { contentSecurityPolicy, SVG_POLICY } from "./security-headers.js";

/** Kiln's own outputs, written on the plugin API like any user's plugin; they run first. */
export function builtinPlugins(): KilnPlugin[] {
  return [
    sitemapPlugin(),
    robotsPlugin(),
    feedsPlugin(),
    contentApiPlugin(),
    redirectsPlugin(),
    searchPlugin(),
    securityHeadersPlugin(),
  ];
}
