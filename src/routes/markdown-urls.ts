import type { PageFile } from "./page-file.js";
import { isDynamic } from "./page-file.js";
import { fillSegments, urlFor } from "./url-path.js";

/**
 * Absolute path → URL of every static markdown page, so `[x](../guide/setup.md)` in any
 * markdown can become a link to `/guide/setup/`.
 */
export function markdownPageUrls(
  pages: readonly PageFile[],
  trailingSlash = true,
): Map<string, string> {
  const urls = new Map<string, string>();
  for (const page of pages) {
    if (page.kind === "component" || isDynamic(page)) continue;
    const parts = fillSegments(page.segments, {});
    urls.set(page.file, page.isNotFound ? "/404.html" : urlFor(parts, undefined, trailingSlash));
  }
  return urls;
}
