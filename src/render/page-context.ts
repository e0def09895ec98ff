import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { withBasePath } from "../support/index.js";
import type { SiteInfo } from "./document.js";

/** The page being rendered, for components anywhere in its tree (`<Seo>`, a user's own). */
export interface PageInfo {
  /** The page's path, such as `/posts/hello/`. */
  url: string;
  /** The page's absolute URL, when `site.url` is set. */
  absoluteUrl: string | undefined;
  site: SiteInfo;
}

export const PageContext = createContext<PageInfo | undefined>(undefined);

/** The page being rendered: its URL, absolute URL and the site config. */
export function usePage(): PageInfo {
  const page = useContext(PageContext);
  if (!page) throw new Error("usePage() works only in a component Kiln renders as a page.");
  return page;
}

/**
 * `path` made absolute against `site.url` and under `site.base` (`/a/` →
 * `https://example.org/docs/a/`); undefined without a site URL (or for a bad path).
 */
export function absoluteUrl(path: string, site: SiteInfo): string | undefined {
  if (!site.url) return undefined;
  try {
    return new URL(withBasePath(path, site.base ?? "/"), site.url).href;
  } catch {
    return undefined;
  }
}
