import { decodeAttribute } from "../support/index.js";
/** What one HTML page offers and asks for: its ids, and the URLs it links or loads. */
export interface PageLinks {
  ids: Set<string>;
  /** `href`, `src` and each `srcset` candidate, as written (entities decoded). */
  links: string[];
}

/** The attributes the check reads, wherever they stand in a tag. */
const ATTRIBUTE = /\s(id|href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const RAW_TEXT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Reads the ids and links of a page Kiln wrote. One pass of one pattern over the page, not a
 * DOM: the output is well-formed HTML from preact-render-to-string and markdown-it, in whose
 * text a quote after `href=` is always escaped, and a scan is what keeps the check near a
 * second for 10,000 pages.
 */
export function pageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  const markup = /<(?:script|style)\b/i.test(html) ? html.replace(RAW_TEXT, "") : html;
  for (const [, key = "", double, single, bare] of markup.matchAll(ATTRIBUTE)) {
    const attribute = key.toLowerCase();
    const value = decodeAttribute(double ?? single ?? bare ?? "");
    if (attribute === "id") ids.add(value);
    else if (attribute === "srcset") links.push(...srcsetUrls(value));
    else links.push(value);
  }
  return { ids, links };
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}
