import { nestingLimit } from "./nesting-limit.js";
import MarkdownIt from "markdown-it";
import { collectCodeBlocks } from "./code-blocks.js";
import { commonmarkOnly, gfm } from "./gfm.js";
import { CodeHighlighter, type HighlightThemes } from "./highlight.js";
import { headingIds, selectToc, type Heading } from "./heading-ids.js";
import { collectLocalImages, localImages } from "./local-images.js";
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
  /** Syntax highlighting themes, or false for none. @default off */
  highlight?: HighlightThemes | false | undefined;
  /** Where highlighted code blocks are cached (`.kiln/`). */
  cacheDir?: string | undefined;
  /** Where warnings go (a code block in a language shiki does not know). */
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
}

export interface RenderContext {
  /** Where the markdown came from: relative links are resolved and errors located from it. */
  source?: SourceLocation | undefined;
  /** The URL of each markdown page, for rewriting `./other.md` links. */
  resolveUrl?: ResolveMarkdownUrl | undefined;
}

export interface MarkdownRenderer {
  /**
   * Highlights the code blocks and encodes the local images of these documents ahead of
   * `render()`, which is synchronous. Without it, code renders plain and images are copied.
   */
  prepare(documents: readonly { source: string; context?: RenderContext }[]): Promise<void>;
  render(source: string, context?: RenderContext): RenderedMarkdown;
  /**
   * Local images the rendered documents use, output path → source file (copied) or bytes
   * (encoded), for the build to write into the output; emptied by the call.
   */
  takeAssets(): Map<string, string | Uint8Array>;
  /** The table of contents of these headings, to the configured depth. */
  toc(headings: readonly Heading[]): Heading[];
}

/**
 * markdown-it, CommonMark-compliant, plus GFM, heading ids and relative-link rewriting.
 * `maxNesting` stays at markdown-it's 100: deeper block nesting is a located error
 * (`nesting-limit.ts`) rather than recursion without bound or silently dropped text.
 */
export function createMarkdownRenderer(options: MarkdownOptions): MarkdownRenderer {
  const highlighter = options.highlight
    ? new CodeHighlighter({
        themes: options.highlight,
        cacheDir: options.cacheDir,
        warn: options.warn,
      })
    : undefined;
  const md = new MarkdownIt({
    html: options.html,
    typographer: false,
    highlight: highlighter ? (code, lang) => highlighter.lookup(lang, code) ?? "" : null,
  });
  md.use(options.gfm === false ? commonmarkOnly : gfm);
  md.use(headingIds, { anchors: options.headingAnchors === true });
  md.use(relativeLinks);
  md.use(localImages);
  md.use(nestingLimit);
  let assets = new Map<string, string | Uint8Array>();
  const pictures = new Map<string, MarkdownPicture>();
  const tocDepth = options.tocDepth ?? 3;
  return {
    async prepare(documents) {
      if (highlighter) {
        await highlighter.prepare(
          documents.flatMap(({ source, context = {} }) => collectCodeBlocks(md, source, context)),
        );
      }
      if (!options.processImage) return;
      const files = documents.flatMap(({ source, context = {} }) =>
        context.source ? collectLocalImages(md, source, context.source.file, options.root) : [],
      );
      // One at a time and in order: sharp already uses every core for one image.
      for (const file of [...new Set(files)].sort()) {
        if (!pictures.has(file)) pictures.set(file, await options.processImage(file));
      }
    },
    render(source, context = {}) {
      const env: RelativeLinksEnv = {
        source: context.source,
        resolveUrl: context.resolveUrl,
        assets,
        pictures,
        root: options.root,
      };
      const html = md.render(source, env);
      const headings = env.headings ?? [];
      return { html, headings, toc: selectToc(headings, tocDepth) };
    },
    toc: (headings) => selectToc(headings, tocDepth),
    takeAssets() {
      const taken = assets;
      assets = new Map();
      return taken;
    },
  };
}
