import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { processImage, type ImageOptions } from "../assets/index.js";
import type { MarkdownPicture, MarkdownRenderer } from "../markdown/index.js";
import { renderPictureHtml } from "../render/index.js";
import type { Staging } from "./staging.js";

/**
 * Local raster images in markdown go through the `<Image>` pipeline: the same encodings,
 * cache (`.kiln/images/`) and `<picture>` markup.
 */
export function createMarkdownImageProcessor(
  root: string,
  options: ImageOptions,
): (file: string) => Promise<MarkdownPicture> {
  return async (file) => {
    const { image, files } = await processImage(root, file, options);
    return { files, html: (alt, title) => renderPictureHtml(image, { alt, title }) };
  };
}

/** Writes the images that rendered markdown refers to into the output. */
export async function writeMarkdownAssets(
  markdown: MarkdownRenderer,
  staging: Staging,
): Promise<{ files: number; bytes: number }> {
  const assets = [...markdown.takeAssets()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let bytes = 0;
  let files = 0;
  for (const [output, file] of assets) {
    // An image a page also shows with <Image> is already there: same name, same bytes.
    if (existsSync(path.join(staging.dir, output))) continue;
    bytes += await staging.write(output, typeof file === "string" ? await readFile(file) : file);
    files++;
  }
  return { files, bytes };
}
