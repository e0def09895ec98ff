const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text or attribute value for XML; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
  );
}

/** `/a b/` on `https://x.org/base` → `https://x.org/a%20b/`: a page URL made absolute. */
export function absoluteUrl(siteUrl: string, url: string): string {
  return new URL(url, siteUrl).href;
}
