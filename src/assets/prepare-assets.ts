import type { IslandManifest, ProcessedImage } from "../render/index.js";
import { bundleBrowserCode } from "./bundle-islands.js";
import { bundleStyles } from "./bundle-styles.js";
import { processImage, type ImageOptions } from "./process-image.js";
import type { ServerFindings } from "./server-plugin.js";
import { renderSpeculationRules, type PrefetchEagerness } from "./speculation-rules.js";

export interface PrepareAssetsOptions {
  root: string;
  /** The config's `assets` slice. */
  options: { inlineStyles: number; prefetch: PrefetchEagerness; images: ImageOptions };
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
  const images = new Map<string, ProcessedImage>();
  const imageFiles: { path: string; contents: Uint8Array }[] = [];
  for (const [id, file] of [...options.found.images].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const processed = await processImage(options.root, file, options.options.images);
    images.set(id, processed.image);
    imageFiles.push(...processed.files);
  }
  const files = [...browser.files, ...styles.files, ...imageFiles];
  let bytes = 0;
  for (const file of files) bytes += await options.write(file.path, file.contents);
  const manifest: IslandManifest | undefined =
    browser.manifest || images.size > 0
      ? {
          runtime: undefined,
          islands: new Map(),
          scripts: new Map(),
          ...browser.manifest,
          images,
        }
      : undefined;
  return {
    islands: manifest,
    headTags: renderSpeculationRules(options.options.prefetch),
    stylesFor: styles.tagsFor,
    files: files.length,
    bytes,
  };
}
