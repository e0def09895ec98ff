import type { ResolvedConfig } from "../config/index.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { KilnError, catalog } from "../errors/index.js";
import { pluginRoutes, type PluginRunner } from "../plugins/index.js";
import { outputPathKey, type RouteTable } from "../routes/index.js";
import {
  createSiteRuntime,
  writePageAssets,
  type RuntimeSpec,
  type SiteRuntime,
} from "../runtime/index.js";
import type { Staging } from "./staging.js";

export interface PluginOutputsOptions {
  plugins: PluginRunner;
  config: ResolvedConfig;
  table: RouteTable;
  staging: Staging;
  /** Output paths of public files (by `outputPathKey`), which plugins may not overwrite. */
  taken: ReadonlyMap<string, string>;
  runtime: SiteRuntime;
  runtimeSpec: RuntimeSpec;
}

/**
 * The `kiln:output` hook: plugins write whole-site files (sitemap, robots.txt, feeds) into
 * the staging folder, after every page, so they are swapped in with the rest or not at all.
 */
export async function writePluginOutputs(
  options: PluginOutputsOptions,
): Promise<{ files: number; bytes: number; paths: string[] }> {
  const written = new Set([
    ...options.taken.keys(),
    ...options.table.routes.map((r) => outputPathKey(r.outputPath)),
  ]);
  const routes = pluginRoutes(options.table);
  const { store } = options.runtime;
  // A feed's copy of a post cannot wait for its images to be encoded (`renderEntry` is
  // synchronous), so here local images are published as they are, beside the pages' own.
  const { entries: renderer } = await createSiteRuntime(store, {
    ...options.runtimeSpec,
    images: undefined,
  });
  const paths: string[] = [];
  let bytes = 0;
  await options.plugins.run("kiln:output", (plugin) => ({
    config: options.config,
    routes,
    has: (relative) => written.has(outputPathKey(relative)),
    // Synchronous inside: plugins read every page, and small reads awaited one by one idle.
    readFile: (relative) => {
      assertInsideOutput(relative);
      return Promise.resolve(readFileSync(path.join(options.staging.dir, relative)));
    },
    entries: (collection) => (store.names().includes(collection) ? store.list(collection) : []),
    renderEntry: (entry) => renderer.render(entry).html,
    async writeFile(relative, content) {
      assertInsideOutput(relative);
      const key = outputPathKey(relative);
      if (written.has(key)) {
        throw new KilnError(catalog.PluginOutputConflict({ plugin: plugin.name, file: relative }));
      }
      written.add(key);
      bytes += await options.staging.writeKeeping(relative, content);
      paths.push(relative);
    },
  }));
  const images = writePageAssets(options.staging.dir, renderer.takeNeeds().assets, new Set());
  paths.push(...images.files);
  return { files: paths.length, bytes: bytes + images.bytes, paths };
}

/** No plugin writes outside the output folder; a plain Error here is wrapped with its name. */
function assertInsideOutput(relative: string): void {
  const parts = relative.split("/");
  if (
    relative === "" ||
    relative.startsWith("/") ||
    relative.includes("\\") ||
    relative.includes("\0") ||
    parts.some((part) => part === ".." || part === "." || part === "")
  ) {
    throw new Error(
      `writeFile("${relative}"): expected a relative path inside the output, such as "feeds/rss.xml"`,
    );
  }
}
