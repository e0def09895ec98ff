import { KilnError, catalog } from "../errors/index.js";
import type { PageFile } from "./page-file.js";
import { isDynamic } from "./page-file.js";
import { assignLocales, type Alternate, type Locales } from "./locales.js";
import { fillSegments, outputPathFor, outputPathKey, urlFor } from "./url-path.js";

/** What a dynamic page's `paths()` returns for each page it makes. */
export interface PathItem {
  params: Record<string, string | number>;
  props?: Record<string, unknown>;
}

/** A page file with what it needs to be expanded into routes. */
export interface PageDefinition {
  page: PageFile;
  /** For dynamic pages: the result of calling their `paths()`. */
  paths?: readonly unknown[];
  /** A markdown page's front matter, which plugins read (`aliases`, `noindex`, dates). */
  data?: Record<string, unknown> | undefined;
}

/** One page of the site to render. */
export interface Route {
  url: string;
  /** Relative to the output folder, with `/` separators. */
  outputPath: string;
  page: PageFile;
  params: Record<string, string>;
  props: Record<string, unknown>;
  /** A markdown page's front matter; {} for other pages. */
  data: Record<string, unknown>;
  /** With `i18n`: the page's language (see `assignLocales`). */
  locale?: string | undefined;
  /** With `i18n`: the page in every language it exists in, `x-default` last. */
  alternates?: Alternate[] | undefined;
}

export interface RouteTable {
  /** Sorted by output path, so the build order never depends on the file system. */
  routes: Route[];
}

/** Expands pages into routes and refuses two routes that would write the same file. */
export function createRouteTable(
  definitions: readonly PageDefinition[],
  options: {
    i18n?: Locales | undefined;
    /** false: `/a` written to `a.html` instead of `/a/` to `a/index.html`. @default true */
    trailingSlash?: boolean | undefined;
  } = {},
): RouteTable {
  const slash = options.trailingSlash ?? true;
  const routes: Route[] = [];
  for (const { page, paths, data = {} } of definitions) {
    if (!isDynamic(page)) {
      const parts = fillSegments(page.segments, {});
      const url = page.isNotFound ? "/404.html" : urlFor(parts, page.endpoint, slash);
      const outputPath = page.isNotFound ? "404.html" : outputPathFor(parts, page.endpoint, slash);
      routes.push({ url, outputPath, page, params: {}, props: {}, data });
      continue;
    }
    if (!paths) throw new KilnError(catalog.PagePathsMissing(), { file: page.file });
    paths.forEach((item, index) => {
      const { params, props } = checkPathItem(item, index, page);
      let parts: string[];
      try {
        parts = fillSegments(page.segments, params);
      } catch (error) {
        throw KilnError.is(error) ? error.within({ file: page.file }) : error;
      }
      const stringParams = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, String(v)]),
      );
      routes.push({
        url: urlFor(parts, page.endpoint, slash),
        outputPath: outputPathFor(parts, page.endpoint, slash),
        page,
        params: stringParams,
        props,
        data,
      });
    });
  }
  assertNoConflicts(routes);
  if (options.i18n) assignLocales(routes, options.i18n);
  routes.sort((a, b) => (a.outputPath < b.outputPath ? -1 : a.outputPath > b.outputPath ? 1 : 0));
  return { routes };
}

function checkPathItem(item: unknown, index: number, page: PageFile): Required<PathItem> {
  const fail = (problem: string) =>
    new KilnError(catalog.PagePathsInvalid({ problem: `item ${index}: ${problem}` }), {
      file: page.file,
    });
  if (item === null || typeof item !== "object") throw fail("expected { params, props }");
  const { params, props = {} } = item as { params?: unknown; props?: unknown };
  if (params === null || typeof params !== "object") throw fail("`params` must be an object");
  if (props === null || typeof props !== "object") throw fail("`props` must be an object");
  return { params: params as PathItem["params"], props: props as Record<string, unknown> };
}

/** Two routes may not write one file, as `outputPathKey` compares them. */
function assertNoConflicts(routes: readonly Route[]): void {
  const seen = new Map<string, Route>();
  for (const route of routes) {
    const key = outputPathKey(route.outputPath);
    const other = seen.get(key);
    if (other) {
      const describe = (r: Route) =>
        `${r.page.relative}${Object.keys(r.params).length ? ` ${JSON.stringify(r.params)}` : ""}`;
      throw new KilnError(catalog.RouteConflict({ url: route.url, other: describe(other) }), {
        file: route.page.file,
      });
    }
    seen.set(key, route);
  }
}
