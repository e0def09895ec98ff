import type { IslandManifest } from "../render/index.js";
import { bundleBrowserCode } from "./bundle-islands.js";
import { bundleStyles } from "./bundle-styles.js";
import type { ServerFindings } from "./server-plugin.js";
import { renderSpeculationRules, type PrefetchEagerness } from "./speculation-rules.js";

export interface PrepareAssetsOptions {
  root: string;
  /** The config's `assets` slice. */
  options: { inlineStyles: number; prefetch: PrefetchEagerness };
  /** What the server compile found: client scripts and each entry's CSS. */
  found: ServerFindings;
  /** Writes one file into the output being built; returns its bytes. */
  write: (relative: string, contents: Uint8Array | string) => Promise<number>;
}

/** What rendering needs from the assets stage. */
export interface PreparedAssets {
  islands: IslandManifest | undefined;
  /** Tags every page gets in its `<head>`. */
  headTags: string[];
  /** Style tags of the page compiled from this entry (its page or layout source file). */
  stylesFor: (entry: string | undefined) => string[];
  files: number;
  bytes: number;
}

/** Bundles the site's browser code and styles before pages render, and writes them out. */
export async function prepareAssets(options: PrepareAssetsOptions): Promise<PreparedAssets> {
  const browser = await bundleBrowserCode(options.root, options.found.scripts);
  const styles = await bundleStyles(options.found.css, options.options.inlineStyles);
  let bytes = 0;
  for (const file of [...browser.files, ...styles.files])
    bytes += await options.write(file.path, file.contents);
  return {
    islands: browser.manifest,
    headTags: renderSpeculationRules(options.options.prefetch),
    stylesFor: styles.tagsFor,
    files: browser.files.length + styles.files.length,
    bytes,
  };
}
