import type { SiteInfo } from "./document.js";
import { escapeAttribute } from "./html-escape.js";
import { absoluteUrl } from "./page-context.js";

/**
 * A page's language, and `<link rel="alternate" hreflang>` tags for its versions in other
 * languages (absolute when `site.url` is set, as search engines ask), for its `<head>`.
 */
export function localize(
  site: SiteInfo,
  locale: string | undefined,
  alternates: readonly { hreflang: string; url: string }[] | undefined,
): { site: SiteInfo; headTags: string[] } {
  const headTags = (alternates ?? []).map(
    ({ hreflang, url }) =>
      `<link rel="alternate" hreflang="${escapeAttribute(hreflang)}" href="${escapeAttribute(absoluteUrl(url, site) ?? url)}">`,
  );
  return { site: locale ? { ...site, lang: locale } : site, headTags };
}
