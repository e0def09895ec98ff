import type { IslandManifest } from "../render/index.js";
import { bundleIslands } from "./bundle-islands.js";

export interface PrepareAssetsOptions {
  root: string;
  /** Writes one file into the output being built; returns its bytes. */
  write: (relative: string, contents: Uint8Array | string) => Promise<number>;
}

/** What rendering needs from the assets stage. */
export interface PreparedAssets {
  islands: IslandManifest | undefined;
  /** Tags every page gets in its `<head>`. */
  headTags: string[];
  files: number;
  bytes: number;
}

/** Bundles the site's browser code before pages render, and writes it to the output. */
export async function prepareAssets(options: PrepareAssetsOptions): Promise<PreparedAssets> {
  const islands = await bundleIslands(options.root);
  let bytes = 0;
  for (const file of islands.files) bytes += await options.write(file.path, file.contents);
  return { islands: islands.manifest, headTags: [], files: islands.files.length, bytes };
}
