/**
 * A site path under the site's base path (`/a/` → `/docs/a/`); a full URL, a `//host` URL or
 * a relative one stays as it is.
 */
export function withBasePath(url: string, base: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? `${base}${url.slice(1)}` : url;
}

/**
 * The file a static host serves at a site path: "/old/" and "/old" → "old/index.html"
 * (pretty URLs), "/a.html" → "a.html".
 */
export function servedFile(sitePath: string): string {
  const trimmed = sitePath.replace(/^\/+/, "");
  if (trimmed === "" || trimmed.endsWith("/")) return `${trimmed}index.html`;
  return /\.[a-z0-9]+$/i.test(trimmed) ? trimmed : `${trimmed}/index.html`;
}
