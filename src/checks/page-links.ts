import { decodeAttribute } from "../support/index.js";
/** What one HTML page offers and asks for: its ids, and the URLs it links or loads. */
export interface PageLinks {
  ids: Set<string>;
  /** `href`, `src` and each `srcset` candidate, as written (entities decoded). */
  links: string[];
}

const TAG = /<([a-z][a-z0-9-]*)(\s[^>]*)?>/gi;
const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW_TEXT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Reads the ids and links of a page Kiln wrote. A tag scanner, not a DOM: the output is
 * well-formed HTML from preact-render-to-string and markdown-it, and a scan of its tags is
 * what keeps the check under a second for 10,000 pages.
 */
export function pageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  const markup = html.replace(RAW_TEXT, "");
  for (const [, name = "", attributes = ""] of markup.matchAll(TAG)) {
    const tag = name.toLowerCase();
    for (const [, key = "", double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
      const attribute = key.toLowerCase();
      const value = decodeAttribute(double ?? single ?? bare ?? "");
      if (attribute === "id" || (attribute === "name" && tag === "a")) ids.add(value);
      else if (attribute === "href" || attribute === "src") links.push(value);
      else if (attribute === "srcset") links.push(...srcsetUrls(value));
    }
  }
  return { ids, links };
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}
