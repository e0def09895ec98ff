import { forEachTag } from "../support/index.js";
/** What one HTML page offers and asks for: its ids, and the URLs it links or loads. */
export interface PageLinks {
  ids: Set<string>;
  /** `href`, `src` and each `srcset` candidate, as written (entities decoded). */
  links: string[];
}

/**
 * Reads the ids and links of a page Kiln wrote, from its tags (not a DOM: the output is
 * well-formed HTML from preact-render-to-string and markdown-it).
 */
export function pageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  forEachTag(html, (_tag, attributes) => {
    for (const [name, value] of attributes) {
      if (name === "id") ids.add(value);
      else if (name === "href" || name === "src") links.push(value);
      else if (name === "srcset") links.push(...srcsetUrls(value));
    }
  });
  return { ids, links };
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}
