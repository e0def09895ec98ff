import { processImage, type ImageOptions } from "../assets/index.js";
import type { MarkdownPicture } from "../markdown/index.js";
import { renderPictureHtml } from "../render/index.js";

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
