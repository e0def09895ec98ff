import { createAssetsServerPlugin } from "../assets/index.js";
import type { ResolvedConfig } from "../config/index.js";
import {
  fileSource,
  loadContent,
  setActiveStore,
  type ContentStore,
  type Source,
  type SourceLogger,
} from "../content/index.js";
import { configureMarkdown, prepareEntries, type MarkdownRenderer } from "../markdown/index.js";
import { builtinPlugins } from "../outputs/index.js";
import {
  createPluginRunner,
  pluginRoutes,
  type KilnPlugin,
  type PluginRunner,
} from "../plugins/index.js";
import { createRouteTable, type RouteTable } from "../routes/index.js";
import { loadPages, type LoadedPage } from "./load-pages.js";
import { createMarkdownImageProcessor } from "./markdown-assets.js";
import { loadMdxComponents, loadMdxEntries } from "./mdx-entries.js";
import type { ProjectPaths } from "./project-paths.js";

export interface PrepareSiteOptions {
  root: string;
  config: ResolvedConfig;
  /** `paths.cacheDir` is where compiled modules go. */
  paths: ProjectPaths;
  /** Caches `kiln build` and `kiln dev` share: remote responses, highlighted code. */
  sharedCacheDir: string;
  logger: SourceLogger;
  offline?: boolean | undefined;
  onSourceProgress?: ((source: string, done: number, total: number) => void) | undefined;
  /** Encode local markdown images through the image pipeline (the build does; dev does not yet). */
  markdownImages: boolean;
}

export interface PreparedSite {
  store: ContentStore;
  markdown: MarkdownRenderer;
  pages: LoadedPage[];
  table: RouteTable;
  assetsPlugin: ReturnType<typeof createAssetsServerPlugin>;
  /** Built-in then configured plugins; their later hooks run from the build. */
  plugins: PluginRunner;
}

/**
 * The part of a build that `kiln dev` shares: content → markdown → pages → route table,
 * without rendering. Installs the store that pages query.
 */
export async function prepareSite(options: PrepareSiteOptions): Promise<PreparedSite> {
  const { root, config, paths, logger } = options;
  const plugins = createPluginRunner(
    [...builtinPlugins(), ...(config.plugins as KilnPlugin[])],
    logger,
  );
  const pluginSources: Source[] = [];
  await plugins.run("kiln:config", () => ({
    config,
    addSource: (source) => void pluginSources.push(source),
  }));
  const store = await loadContent({
    root,
    config,
    sources: [fileSource(paths.contentDir), ...config.sources, ...pluginSources],
    logger,
    cacheDir: options.sharedCacheDir,
    offline: options.offline,
    onSourceProgress: options.onSourceProgress,
  });
  setActiveStore(store);
  const markdown = configureMarkdown({
    ...config.markdown,
    cacheDir: options.sharedCacheDir,
    root,
    warn: (message) => logger.warn(message),
    ...(options.markdownImages
      ? { processImage: createMarkdownImageProcessor(root, config.assets.images) }
      : {}),
  });
  await prepareEntries(store.names().flatMap((name) => store.list(name)));
  await loadMdxComponents(config.markdown.mdxComponents, paths);
  await loadMdxEntries(store, paths);
  const assetsPlugin = createAssetsServerPlugin(root);
  const pages = await loadPages({
    paths,
    markdown,
    defaultLayout: config.markdown.layout,
    plugins: [assetsPlugin.plugin],
  });
  const table = createRouteTable(pages.map(({ page, paths: items }) => ({ page, paths: items })));
  await plugins.run("kiln:routes", () => ({ routes: pluginRoutes(table) }));
  return { store, markdown, pages, table, assetsPlugin, plugins };
}
