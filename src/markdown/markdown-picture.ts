/** A local raster image encoded by the build's image pipeline, the one `<Image>` uses. */
export interface MarkdownPicture {
  /** The `<picture>` markup for this alt text and title. */
  html(alt: string, title: string | undefined): string;
  /** The encoded files the markup refers to: output path → bytes. */
  files: readonly { path: string; contents: Uint8Array }[];
}

/** Encodes one local raster image (its real path); its errors name the image file. */
export type ProcessMarkdownImage = (file: string) => Promise<MarkdownPicture>;
