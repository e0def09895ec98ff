import { KilnError, catalog } from "../errors/index.js";
import { trackReads } from "../content/index.js";
import { renderPage, type IslandManifest, type SiteInfo } from "../render/index.js";
import { outputPathKey, type Route, type RouteTable } from "../routes/index.js";
import type { LoadedPage } from "./load-pages.js";
import type { Staging } from "./staging.js";

export interface RenderRoutesOptions {
  table: RouteTable;
  pages: ReadonlyMap<string, LoadedPage>;
  site: SiteInfo;
  /** From the assets stage: client bundles and tags for every page's head. */
  assets: {
    islands: IslandManifest | undefined;
    headTags: readonly string[];
    stylesFor: (entry: string | undefined) => string[];
  };
  staging: Staging;
  /** Output paths already taken by public files, case-folded. */
  taken: ReadonlyMap<string, string>;
  signal?: AbortSignal | undefined;
  /**
   * For incremental builds: the store reads of a route's previous render when its output is
   * reused as it was (the caller puts it in staging); that route is then not rendered.
   */
  reuse?: ((route: Route) => string[] | undefined) | undefined;
  onPage?: ((done: number, total: number) => void) | undefined;
}

export interface RenderedRoutes {
  bytes: number;
  /** URL → what the page read: its source files and store reads. */
  graph: Record<string, string[]>;
  /** URL → the store reads of its render alone (or of its reused previous render). */
  reads: Record<string, string[]>;
}

/** Renders every route and streams it to the staging folder, one page in memory at a time. */
export async function renderRoutes(options: RenderRoutesOptions): Promise<RenderedRoutes> {
  const { routes } = options.table;
  const graph: Record<string, string[]> = {};
  const readsByUrl: Record<string, string[]> = {};
  let bytes = 0;
  for (const [index, route] of routes.entries()) {
    options.signal?.throwIfAborted();
    const loaded = options.pages.get(route.page.file)!;
    const publicFile = options.taken.get(outputPathKey(route.outputPath));
    if (publicFile) {
      throw new KilnError(
        catalog.OutputConflict({ output: publicFile, page: route.page.relative }),
        { file: route.page.file },
      );
    }
    const reused = options.reuse?.(route);
    if (reused) {
      readsByUrl[route.url] = reused;
      graph[route.url] = [...new Set([...loaded.inputs, ...reused])];
      options.onPage?.(index + 1, routes.length);
      continue;
    }
    const { result: html, reads } = await trackReads(() =>
      renderPage({
        url: route.url,
        file: route.page.file,
        page: route.page.relative,
        component: loaded.component,
        props: { ...loaded.props, ...route.props, params: route.params, url: route.url },
        site: options.site,
        islands: options.assets.islands,
        headTags: [...options.assets.stylesFor(loaded.module), ...options.assets.headTags],
      }),
    );
    bytes += await options.staging.write(route.outputPath, html);
    graph[route.url] = [...new Set([...loaded.inputs, ...reads])];
    readsByUrl[route.url] = reads;
    options.onPage?.(index + 1, routes.length);
  }
  return { bytes, graph, reads: readsByUrl };
}
