import { nestingLimit } from "./nesting-limit.js";
import MarkdownIt from "markdown-it";
import type { KilnError } from "../errors/index.js";
import { highlightFences } from "./highlight-fences.js";
import { commonmarkOnly, gfm } from "./gfm.js";
import type { HighlightThemes } from "./highlight.js";
import { headingIds, selectToc, type Heading } from "./heading-ids.js";
import { localImages } from "./local-images.js";
import type { MarkdownPicture, ProcessMarkdownImage } from "./markdown-picture.js";
import {
  relativeLinks,
  type RelativeLinksEnv,
  type ResolveMarkdownUrl,
  type SourceLocation,
} from "./relative-links.js";

export interface MarkdownOptions {
  /** Allow raw HTML. Local authors are trusted; remote content is not. */
  html: boolean;
  /** GFM: tables, strikethrough, autolinks, task lists, footnotes. @default true */
  gfm?: boolean | undefined;
  /** Deepest heading level in `toc`. @default 3 */
  tocDepth?: number | undefined;
  /** Add a `#` link to each heading. @default false */
  headingAnchors?: boolean | undefined;
  /** Syntax highlighting themes (for the stylesheet), or false for none. @default off */
  highlight?: HighlightThemes | false | undefined;
  /** Where warnings go (a code block in a language highlight.js does not know). */
  warn?: ((message: string) => void) | undefined;
  /** The project folder: local images must be inside it. */
  root?: string | undefined;
  /** Encodes local raster images as `<Image>` does; without it they are copied as they are. */
  processImage?: ProcessMarkdownImage | undefined;
}

export interface RenderedMarkdown {
  html: string;
  /** Every heading, in order. */
  headings: Heading[];
  /** Headings from h2 to `tocDepth`: a table of contents for the layout. */
  toc: Heading[];
  /**
   * Local images the HTML refers to, output path → source file (copied) or bytes (encoded):
   * whoever writes the page writes these beside it.
   */
  assets?: ReadonlyMap<string, string | Uint8Array>;
  /** Broken links to markdown files, each located: the build reports them together. */
  problems?: KilnError[];
  /**
   * Local raster images the render found not yet encoded (real paths): the HTML shows them
   * as copies. `prepareImages()` them and render again for the `<picture>` markup.
   */
  unencoded?: string[];
}

export interface RenderContext {
  /** Where the markdown came from: relative links are resolved and errors located from it. */
  source?: SourceLocation | undefined;
  /** The URL of each markdown page, for rewriting `./other.md` links. */
  resolveUrl?: ResolveMarkdownUrl | undefined;
}

export interface MarkdownRenderer {
  render(source: string, context?: RenderContext): RenderedMarkdown;
  /**
   * Encodes local raster images (real paths, as `RenderedMarkdown.unencoded` lists them)
   * through the image pipeline, for the renders that follow. `render()` is synchronous and
   * encoding is not, so a page that meets a new image renders again once it is encoded.
   */
  prepareImages(files: readonly string[]): Promise<void>;
  /** The table of contents of these headings, to the configured depth. */
  toc(headings: readonly Heading[]): Heading[];
}

/**
 * markdown-it, CommonMark-compliant, plus GFM, heading ids and relative-link rewriting.
 * `maxNesting` stays at markdown-it's 100: deeper block nesting is a located error
 * (`nesting-limit.ts`) rather than recursion without bound or silently dropped text.
 */
export function createMarkdownRenderer(options: MarkdownOptions): MarkdownRenderer {
  const md = new MarkdownIt({ html: options.html, typographer: false });
  md.use(options.gfm === false ? commonmarkOnly : gfm);
  if (options.highlight) md.use(highlightFences, { warn: options.warn });
  md.use(headingIds, { anchors: options.headingAnchors === true });
  md.use(relativeLinks);
  md.use(localImages);
  md.use(nestingLimit);
  const pictures = new Map<string, MarkdownPicture>();
  const tocDepth = options.tocDepth ?? 3;
  return {
    render(source, context = {}) {
      const env: RelativeLinksEnv = {
        source: context.source,
        resolveUrl: context.resolveUrl,
        assets: new Map(),
        pictures,
        unencoded: options.processImage ? [] : undefined,
        problems: [],
        root: options.root,
      };
      const html = md.render(source, env);
      const headings = env.headings ?? [];
      const rendered: RenderedMarkdown = { html, headings, toc: selectToc(headings, tocDepth) };
      if (env.assets!.size > 0) rendered.assets = env.assets;
      if (env.unencoded?.length) rendered.unencoded = [...new Set(env.unencoded)];
      if (env.problems!.length > 0) rendered.problems = env.problems;
      return rendered;
    },
    async prepareImages(files) {
      if (!options.processImage) return;
      // One at a time and in order: sharp already uses every core for one image.
      for (const file of [...new Set(files)].sort()) {
        if (!pictures.has(file)) pictures.set(file, await options.processImage(file));
      }
    },
    toc: (headings) => selectToc(headings, tocDepth),
  };
}
