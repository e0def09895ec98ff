import { createAssetsServerPlugin } from "../assets/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { KilnError, catalog, formatLocation } from "../errors/index.js";
import {
  loadContent,
  type ContentStore,
  type Source,
  type SourceLogger,
} from "../content/index.js";
import { describeCollections, writeGraphqlTypes } from "../graphql/index.js";
import { builtinPlugins } from "../outputs/index.js";
import {
  createPluginRunner,
  pluginRoutes,
  type KilnPlugin,
  type PluginRunner,
} from "../plugins/index.js";
import { createRouteTable, markdownPageUrls, scanPages, type RouteTable } from "../routes/index.js";
import {
  codeStyles,
  createSiteRuntime,
  type CompiledModule,
  type RuntimeSpec,
  type SiteRuntime,
} from "../runtime/index.js";
import { loadPages, routeDefinition, type LoadedPage } from "./load-pages.js";
import { compileMdxComponents, compileMdxEntries } from "./mdx-entries.js";
import { sourcePlugins } from "./source-plugins.js";
import type { ProjectPaths } from "./project-paths.js";

export interface PrepareSiteOptions {
  root: string;
  config: ResolvedConfig;
  /** `paths.cacheDir` is where compiled modules go. */
  paths: ProjectPaths;
  /** Caches `kiln build` and `kiln dev` share: remote responses. */
  sharedCacheDir: string;
  logger: SourceLogger;
  offline?: boolean | undefined;
  onSourceProgress?: ((source: string, done: number, total: number) => void) | undefined;
  /** Gets each entry that does not parse or fails its schema, instead of the first failing the load (`kiln check`). */
  onInvalidEntry?: ((error: KilnError) => void) | undefined;
  /** Encode local markdown images through the image pipeline (the build does; dev does not yet). */
  markdownImages: boolean;
  /** Keep `draft: true` entries: `kiln dev` shows them, builds leave them out. */
  drafts: boolean;
  /** The compiled config (`loadConfig`'s url and file), for plugins' page hooks. */
  configModule?: CompiledModule | undefined;
  /** Ctrl-C: stops waiting for a plugin's hook. */
  signal?: AbortSignal | undefined;
}

export interface PreparedSite {
  store: ContentStore;
  /** What pages render with on this thread; `runtimeSpec` makes the same in a worker. */
  runtime: SiteRuntime;
  runtimeSpec: RuntimeSpec;
  /** The build's warnings, each told once (a worker's included). */
  warn: (message: string) => void;
  pages: LoadedPage[];
  table: RouteTable;
  assetsPlugin: ReturnType<typeof createAssetsServerPlugin>;
  /** Built-in then configured plugins; their later hooks run from the build. */
  plugins: PluginRunner;
}

/**
 * The part of a build that `kiln dev` shares: content → markdown → pages → route table,
 * without rendering.
 */
export async function prepareSite(options: PrepareSiteOptions): Promise<PreparedSite> {
  const { root, config, paths, logger } = options;
  const plugins = createPluginRunner(
    [
      ...sourcePlugins(
        paths.contentDir,
        options.onInvalidEntry ?? ((error) => void invalid.push(error)),
      ),
      ...builtinPlugins(),
      ...(config.plugins as KilnPlugin[]),
    ],
    logger,
    options.signal,
  );
  const invalid: KilnError[] = [];
  // Every source comes through the plugin API, Kiln's own (files, the config's) included.
  const pluginSources: Source[] = [];
  await plugins.run("kiln:config", () => ({
    config,
    addSource: (source) => void pluginSources.push(source),
  }));
  const store = await loadContent({
    root,
    config,
    sources: pluginSources,
    logger,
    cacheDir: options.sharedCacheDir,
    offline: options.offline,
    onSourceProgress: options.onSourceProgress,
    onInvalidEntry: options.onInvalidEntry ?? ((error) => void invalid.push(error)),
    drafts: options.drafts,
    configFile: options.configModule?.file,
  });
  // Every bad entry of the site in one run, not one per build.
  const entriesError = allInvalid(invalid, root);
  if (entriesError) throw entriesError;
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    logger.warn(message);
  };
  const pageFiles = await scanPages(paths.pagesDir);
  const pageUrls = markdownPageUrls(pageFiles, config.trailingSlash);
  const resolveUrl = (file: string) => pageUrls.get(file);
  const runtimeSpec: RuntimeSpec = {
    markdown: { ...config.markdown, root },
    images: options.markdownImages ? { root, options: config.assets.images } : undefined,
    pageUrls: [...pageUrls],
    mdxEntries: await compileMdxEntries(store, paths, resolveUrl),
    mdxComponents: await compileMdxComponents(config.markdown.mdxComponents, paths),
    codeStyles: codeStyles(config.markdown.highlight),
    config: options.configModule,
    base: config.site.base,
    cspMeta: config.cspMeta,
    graphql: describeCollections(config.collections, store.names()),
  };
  const runtime = await createSiteRuntime(store, runtimeSpec, warn);
  // `.kiln/graphql.d.ts`: the types of `query()`'s schema, for the project's type checks.
  await writeGraphqlTypes(root, options.sharedCacheDir, () => runtime.graphql!.schema());
  const assetsPlugin = createAssetsServerPlugin(root);
  const { pages, folder: pagesFolder } = await loadPages({
    paths,
    pages: pageFiles,
    runtime,
    defaultLayout: config.markdown.layout,
    plugins: [assetsPlugin.plugin],
  });
  // Workers import pages as pages come to them: they get the files too (issue 26).
  runtimeSpec.pages = pagesFolder;
  const table = createRouteTable(pages.map(routeDefinition), {
    i18n: config.i18n,
    trailingSlash: config.trailingSlash,
  });
  await plugins.run("kiln:routes", () => ({ routes: pluginRoutes(table) }));
  // Entries' pages are known now: links between two entries of a collection can follow them.
  const entryUrls = entryPageUrls(table, pageUrls);
  runtime.addPageUrls(entryUrls);
  runtimeSpec.pageUrls.push(...entryUrls);
  return { store, runtime, runtimeSpec, warn, pages, table, assetsPlugin, plugins };
}

/** Markdown file of each entry a route renders (in its props) → the first route's URL. */
function entryPageUrls(table: RouteTable, known: ReadonlyMap<string, string>): [string, string][] {
  const urls = new Map<string, string>();
  for (const route of table.routes) {
    for (const value of Object.values(route.props)) {
      const origin = (value as { origin?: { file?: unknown } } | null)?.origin;
      const file = origin?.file;
      if (typeof file !== "string" || !/\.mdx?$/i.test(file)) continue;
      if (!known.has(file) && !urls.has(file)) urls.set(file, route.url);
    }
  }
  return [...urls];
}

/** The bad entries of a load as one error: the entry's own when there is one. */
function allInvalid(errors: readonly KilnError[], root: string): KilnError | undefined {
  if (errors.length <= 1) return errors[0];
  const list = errors
    .map((error) => {
      const where = error.location ? `${formatLocation(error.location, root)}: ` : "";
      return `  ${where}${error.code}: ${error.message.split("\n")[0]}`;
    })
    .sort();
  return new KilnError(
    // An entry with two problems is one entry: it counts once, and each problem has its line.
    catalog.EntriesInvalid({
      count: new Set(errors.map((error) => error.location?.file ?? error.message)).size,
      list: list.join("\n"),
    }),
    errors[0]!.location,
  );
}
