import { withBasePath } from "../support/index.js";

/** Attributes whose value is one URL. `data-component` is where an island's module is. */
const URL_ATTRIBUTE =
  /(\s(?:href|src|poster|action|formaction|data-component)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;

/** Every URL in the URL attributes (and each `srcset` candidate) of some HTML, mapped. */
export function mapUrlAttributes(html: string, map: (url: string) => string): string {
  return html
    .replace(
      URL_ATTRIBUTE,
      (_, lead: string, q: string, url: string) => `${lead}${q}${map(url)}${q}`,
    )
    .replace(SRCSET_ATTRIBUTE, (_, lead: string, q: string, set: string) => {
      const candidates = set.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [map(url), ...descriptor].join(" ");
      });
      return `${lead}${q}${candidates.join(", ")}${q}`;
    });
}

/**
 * Makes every href, src and srcset URL in an HTML fragment absolute against the page it came
 * from, so a feed reader (which has no base URL) follows links and shows images.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return mapUrlAttributes(html, (url) => {
    const trimmed = url.trim();
    if (trimmed === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(trimmed)) return url;
    try {
      return new URL(decodeEntities(trimmed), pageUrl).href.replace(/&/g, "&amp;");
    } catch {
      return url;
    }
  });
}

/**
 * Puts the site's base path (`/docs/`) before every root-relative URL of a page (`/a/` →
 * `/docs/a/`), so a site built with links from its root works served under a sub-path.
 */
export function withBase(html: string, base: string): string {
  if (base === "/") return html;
  return mapUrlAttributes(html, (url) => withBasePath(url, base));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
