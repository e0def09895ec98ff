import path from "node:path";
import { prepareAssets, type PreparedAssets } from "../assets/index.js";
import {
  cacheDirOf,
  prepareSite,
  resolveProjectPaths,
  type LoadedPage,
  type ProjectPaths,
} from "../build/index.js";
import { loadConfig, type ResolvedConfig } from "../config/index.js";
import type { SourceLogger } from "../content/index.js";
import type { Route } from "../routes/index.js";
import type { SiteRuntime } from "../runtime/index.js";

/** Everything the dev server needs to render any page on request. */
export interface DevSite {
  config: ResolvedConfig;
  paths: ProjectPaths;
  /** The content pages query and the entry renderer; the store is replaced on every change. */
  runtime: SiteRuntime;
  /** Page file → the loaded page. */
  pages: ReadonlyMap<string, LoadedPage>;
  /** Output path (`about/index.html`) → its route. */
  routes: ReadonlyMap<string, Route>;
  /** Islands, styles and images of the pages, with their files kept in memory. */
  assets: PreparedAssets;
  /** Output path → bytes of each asset file (hashed names, so never stale). */
  assetFiles: ReadonlyMap<string, Uint8Array>;
  /**
   * Files pages need beside them (local images of markdown, the code stylesheet), as pages
   * rendered so far found them: output path → source file
   * or bytes (hashed names too). Filled as pages render.
   */
  markdownAssets: Map<string, string | Uint8Array>;
}

/**
 * The build's first half: config → content → pages → route table → assets, without
 * rendering pages. Compiled modules go to `.kiln/dev/`, so a `kiln build` running beside
 * the dev server does not delete them; asset files stay in memory.
 */
export async function loadSite(root: string, logger: SourceLogger): Promise<DevSite> {
  const cacheDir = path.join(cacheDirOf(root), "dev");
  const {
    config,
    url: configUrl,
    file: configFile,
    folder: configFolder,
  } = await loadConfig(root, cacheDir);
  const paths = { ...resolveProjectPaths(root, config), cacheDir };
  const { runtime, pages, table, assetsPlugin } = await prepareSite({
    root,
    config,
    paths,
    // Remote responses are cached where `kiln build` keeps them.
    sharedCacheDir: cacheDirOf(root),
    logger,
    markdownImages: false,
    drafts: true,
    configModule:
      configUrl && configFile
        ? { url: configUrl, file: configFile, folder: configFolder }
        : undefined,
  });
  const assetFiles = new Map<string, Uint8Array>();
  const assets = await prepareAssets({
    root,
    options: config.assets,
    found: assetsPlugin.found,
    write: (file, data) => {
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      assetFiles.set(file, bytes);
      return Promise.resolve(bytes.byteLength);
    },
  });
  return {
    config,
    paths,
    runtime,
    pages: new Map(pages.map((p) => [p.page.file, p])),
    routes: new Map(table.routes.map((route) => [route.outputPath, route])),
    assets,
    assetFiles,
    markdownAssets: new Map(),
  };
}
