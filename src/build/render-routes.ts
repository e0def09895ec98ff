import { availableParallelism } from "node:os";
import path from "node:path";
import { snapshotStore } from "../content/index.js";
import { KilnError, catalog, formatLocation } from "../errors/index.js";
import { localize, type IslandManifest, type SiteInfo } from "../render/index.js";
import { outputPathKey, type Route, type RouteTable } from "../routes/index.js";
import {
  renderPageInSite,
  writePageAssets,
  type RuntimeSpec,
  type SiteRuntime,
} from "../runtime/index.js";
import {
  createRenderPool,
  reviveError,
  serializeError,
  type RenderPool,
  type WrittenPage,
} from "../workers/index.js";
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
  /** What pages render with here; `runtimeSpec` makes the same in each render worker. */
  runtime: SiteRuntime;
  runtimeSpec: RuntimeSpec;
  /** Where warnings of a page's render go (those of workers too). */
  warn: (message: string) => void;
  /** Render workers; 0 renders on the main thread. @default one per CPU for large sites */
  workers?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * For incremental builds: the store reads of a route's previous render when its output is
   * reused as it was (the caller puts it in staging); that route is then not rendered.
   */
  reuse?: ((route: Route) => ReusedPage | undefined) | undefined;
  onPage?: ((done: number, total: number) => void) | undefined;
}

/** A page of the previous output taken as it was: what its render read and the images it uses. */
export interface ReusedPage {
  reads: string[];
  assets: string[];
}

export interface RenderedRoutes {
  bytes: number;
  /** Files written beside the pages: local images of markdown, the code stylesheet. */
  assetFiles: number;
  /** URL → the local images of markdown its page refers to (output paths). */
  assets: Record<string, string[]>;
  /** Output path → SHA-256 of the pages render workers wrote (the main thread's are tracked). */
  digests: Map<string, string>;
  /** Render workers used; 0 when every page rendered on the main thread. */
  workers: number;
  /** URL → what the page read: its source files and store reads. */
  graph: Record<string, string[]>;
  /** URL → the store reads of its render alone (or of its reused previous render). */
  reads: Record<string, string[]>;
}

/** Below this many pages, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/**
 * Renders every route and streams it to the staging folder. With workers, a bounded number of
 * pages are in flight (two per worker), so memory does not grow with the site. Output does
 * not depend on the worker count: each page is rendered by the same pure function and written
 * to its own file; the graph is assembled in route order.
 */
export async function renderRoutes(options: RenderRoutesOptions): Promise<RenderedRoutes> {
  const { routes } = options.table;
  for (const route of routes) assertNotPublic(route, options.taken);
  const pool = startPool(options);
  const graphs: string[][] = new Array<string[]>(routes.length);
  const readsOf: string[][] = new Array<string[]>(routes.length);
  const assetsOf: string[][] = new Array<string[]>(routes.length);
  const writtenAssets = new Set<string>();
  const digests = new Map<string, string>();
  // Broken markdown links of every page, once each (a post shows on its page and its list).
  const problems = new Map<string, WrittenPage["problems"][number]>();
  let bytes = 0;
  let assetFiles = 0;
  let done = 0;
  const renderOne = async (index: number) => {
    options.signal?.throwIfAborted();
    const route = routes[index]!;
    const loaded = options.pages.get(route.page.file)!;
    const reused = options.reuse?.(route);
    const rendered = reused
      ? {
          ...{ bytes: 0, reads: reused.reads, assets: reused.assets },
          ...{ wroteAssets: 0, warnings: [], problems: [] },
        }
      : await renderRoute(route, loaded, options, pool, writtenAssets);
    bytes += rendered.bytes;
    assetFiles += rendered.wroteAssets;
    rendered.warnings.forEach(options.warn);
    for (const problem of rendered.problems) problems.set(JSON.stringify(problem), problem);
    readsOf[index] = rendered.reads;
    assetsOf[index] = rendered.assets;
    if (rendered.digest) digests.set(route.outputPath, rendered.digest);
    graphs[index] = [...new Set([...loaded.inputs, ...rendered.reads])];
    options.onPage?.(++done, routes.length);
  };
  try {
    await runBounded(routes.length, pool ? pool.size * 2 : 1, renderOne);
  } finally {
    await pool?.close();
  }
  throwProblems([...problems.values()].map(reviveError));
  const graph: Record<string, string[]> = {};
  const reads: Record<string, string[]> = {};
  const assets: Record<string, string[]> = {};
  routes.forEach((route, index) => {
    graph[route.url] = graphs[index]!;
    reads[route.url] = readsOf[index]!;
    if (assetsOf[index]!.length > 0) assets[route.url] = assetsOf[index]!;
  });
  return { bytes, assetFiles, assets, digests, graph, reads, workers: pool?.size ?? 0 };
}

function startPool(options: RenderRoutesOptions): RenderPool | undefined {
  // Counted among the pages to render: a warm build that re-renders one page of 10k does
  // not pay for starting workers (about 3 s at 10k pages: each receives the whole store).
  const reuse = options.reuse;
  const toRender = reuse
    ? options.table.routes.filter((route) => reuse(route) === undefined).length
    : options.table.routes.length;
  // None when every page is reused (a warm build whose only change is a public file or a plugin
  // output), even with `--workers`: each would receive the whole store to render nothing.
  if (toRender === 0) return undefined;
  const count = options.workers ?? (toRender >= PARALLEL_THRESHOLD ? availableParallelism() : 0);
  if (count < 1) return undefined;
  try {
    return createRenderPool(count, {
      store: snapshotStore(options.runtime.store),
      runtime: options.runtimeSpec,
      islands: options.assets.islands,
      sourceMaps: process.sourceMapsEnabled,
    });
  } catch (error) {
    // Entry data a worker cannot receive (a schema that makes functions or class instances):
    // render on the main thread, which gives the same bytes, only slower.
    if (isCloneError(error)) return undefined;
    throw error;
  }
}

/** Renders and writes one page, on a worker when there is one. */
async function renderRoute(
  route: Route,
  loaded: LoadedPage,
  { site, staging, assets, runtime }: RenderRoutesOptions,
  pool: RenderPool | undefined,
  writtenAssets: Set<string>,
): Promise<WrittenPage> {
  const localized = localize(site, route.locale, route.alternates);
  const task = {
    url: route.url,
    file: route.page.file,
    page: route.page.relative,
    props: { ...loaded.props, ...route.props, params: route.params, url: route.url },
    site: localized.site,
    headTags: [...assets.stylesFor(loaded.module), ...assets.headTags, ...localized.headTags],
    markdown: loaded.markdown,
    endpoint: route.page.endpoint !== undefined,
  };
  if (pool) {
    try {
      const outFile = path.join(staging.dir, route.outputPath);
      // No module: a markdown page in the built-in layout, which workers have too.
      return await pool.render({
        ...task,
        module: loaded.moduleUrl,
        outFile,
        outDir: staging.dir,
      });
    } catch (error) {
      if (!isCloneError(error)) throw error;
    }
  }
  const page = await renderPageInSite(runtime, {
    ...task,
    component: loaded.component,
    islands: assets.islands,
  });
  const wrote = writePageAssets(staging.dir, page.assets, writtenAssets);
  return {
    bytes: (await staging.write(route.outputPath, page.html)) + wrote.bytes,
    reads: page.reads,
    assets: [...page.assets.keys()],
    wroteAssets: wrote.files.length,
    // This thread's runtime warns as it renders.
    warnings: [],
    problems: page.problems.map(serializeError),
  };
}

/**
 * Runs `work(0..count-1)` with at most `limit` at once, starting them in index order. The first
 * failure stops new work; once running work settles, the failure of the lowest index is thrown,
 * so the error a user sees does not depend on timing.
 */
async function runBounded(
  count: number,
  limit: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const failures: { index: number; error: unknown }[] = [];
  const lane = async () => {
    while (next < count && failures.length === 0) {
      const index = next++;
      try {
        await work(index);
      } catch (error) {
        failures.push({ index, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  if (failures.length) throw failures.sort((a, b) => a.index - b.index)[0]!.error;
}

/** One problem is thrown as it is; several, together, each with its file and line. */
function throwProblems(problems: readonly Error[]): void {
  if (problems.length === 0) return;
  if (problems.length === 1) throw problems[0]!;
  const lines = problems
    .map((problem) => {
      const at = KilnError.is(problem) ? problem.location : undefined;
      const code = KilnError.is(problem) ? ` [${problem.code}]` : "";
      return `  ${at ? `${formatLocation(at, process.cwd())}: ` : ""}${problem.message}${code}`;
    })
    .sort();
  const onlyLinks = problems.every(
    (problem) => KilnError.is(problem) && problem.code === "KILN_MARKDOWN_LINK_MISSING",
  );
  throw new KilnError(
    (onlyLinks ? catalog.MarkdownLinksMissing : catalog.MarkdownProblems)({
      count: lines.length,
      list: lines.join("\n"),
    }),
  );
}

function assertNotPublic(route: Route, taken: ReadonlyMap<string, string>): void {
  const publicFile = taken.get(outputPathKey(route.outputPath));
  if (publicFile) {
    throw new KilnError(catalog.OutputConflict({ output: publicFile, page: route.page.relative }), {
      file: route.page.file,
    });
  }
}

function isCloneError(error: unknown): boolean {
  return error instanceof Error && error.name === "DataCloneError";
}
