const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Characters XML 1.0 forbids anywhere, CDATA included: C0 controls but tab and line breaks,
 * U+FFFE and U+FFFF, and halves of a surrogate pair standing alone.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML forbids dropped: for CDATA, which escapes nothing else. */
export function stripXmlForbidden(text: string): string {
  return text.replace(FORBIDDEN, "");
}

/** Text or attribute value for XML; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return stripXmlForbidden(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * `/a b/` on `https://x.org/docs/` → `https://x.org/docs/a%20b/`: a site path made absolute
 * against the site's root (see `siteRoot`), so it keeps the base path.
 */
export function absoluteUrl(root: string, url: string): string {
  return new URL(url.startsWith("/") && !url.startsWith("//") ? url.slice(1) : url, root).href;
}

/** Where the site lives: `site.url`'s origin and `site.base`, such as `https://x.org/docs/`. */
export function siteRoot(site: { url?: string | undefined; base: string }): string | undefined {
  return site.url ? new URL(site.base, site.url).href : undefined;
}
