/**
 * Paths as the server files Kiln writes must spell them. A path comes from a page's file name
 * or a remote entry's id, so it may hold spaces, quotes, `{ } ;` or `*`: written bare, it would
 * split a `_redirects` line into more fields, or become directives in an nginx include.
 */

/**
 * An nginx string: double-quoted, with `"` and `\` escaped and the control characters nginx
 * knows as escapes; nothing inside a quoted string is syntax to nginx's config parser, and
 * `location` does not expand `$` variables.
 */
export function nginxString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, "\\$&")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return `"${escaped}"`;
}

/** What a URL path may hold unencoded; `*`, `:`, `?` and `#` only in a URL the config wrote. */
const PLAIN = /[A-Za-z0-9\-._~/!$&'()+,;=@]/;

/**
 * A path for `_headers` and `_redirects` (Netlify, Cloudflare Pages): percent-encoded, as a
 * browser asks for it, so a line keeps its fields and a name is never read as a pattern. A
 * `%XX` already there stays (a config's redirect may be written encoded); `*`, `:splat`,
 * a query and a fragment stay only in a URL the config wrote (`written`); a page's URL is a
 * literal path.
 */
export function hostFilePath(path: string, written = false): string {
  // Odd parts are the `%XX` sequences already there.
  return path
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => encodeChar(c, written)).join("")))
    .join("");
}

function encodeChar(char: string, written: boolean): string {
  if (PLAIN.test(char) || (written && "*:?#".includes(char))) return char;
  return encodeURIComponent(char).replace(/[*!'()]/g, percent);
}

function percent(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}
