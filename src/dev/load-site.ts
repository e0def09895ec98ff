import path from "node:path";
import {
  loadPages,
  resolveProjectPaths,
  type LoadedPage,
  type ProjectPaths,
} from "../build/index.js";
import { loadConfig, type ResolvedConfig } from "../config/index.js";
import {
  fileSource,
  loadContent,
  setActiveStore,
  type ContentStore,
  type SourceLogger,
} from "../content/index.js";
import { configureMarkdown } from "../markdown/index.js";
import { createRouteTable, type Route } from "../routes/index.js";

/** Everything the dev server needs to render any page on request. */
export interface DevSite {
  config: ResolvedConfig;
  paths: ProjectPaths;
  /** The content pages query; replaced whole on every change. */
  store: ContentStore;
  /** Page file → the loaded page. */
  pages: ReadonlyMap<string, LoadedPage>;
  /** Output path (`about/index.html`) → its route. */
  routes: ReadonlyMap<string, Route>;
}

/**
 * The build's first half: config → content → pages → route table, without rendering.
 * Compiled modules go to `.kiln/dev/`, so a `kiln build` running beside the dev server
 * does not delete them.
 */
export async function loadSite(root: string, logger: SourceLogger): Promise<DevSite> {
  const cacheDir = path.join(root, ".kiln", "dev");
  const { config } = await loadConfig(root, cacheDir);
  const paths = { ...resolveProjectPaths(root, config), cacheDir };
  const store = await loadContent({
    root,
    config,
    sources: [fileSource(paths.contentDir)],
    logger,
  });
  // Pages query the store while they render, on every request until the next change.
  setActiveStore(store);
  const markdown = configureMarkdown(config.markdown);
  const loaded = await loadPages({ paths, markdown, defaultLayout: config.markdown.layout });
  const table = createRouteTable(loaded.map(({ page, paths: items }) => ({ page, paths: items })));
  return {
    config,
    paths,
    store,
    pages: new Map(loaded.map((p) => [p.page.file, p])),
    routes: new Map(table.routes.map((route) => [route.outputPath, route])),
  };
}
