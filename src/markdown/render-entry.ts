import { AsyncLocalStorage } from "node:async_hooks";
import type { Entry, EntryOrigin } from "../content/index.js";
import type { MarkdownRenderer, RenderedMarkdown } from "./create-renderer.js";
import { KilnError, catalog } from "../errors/index.js";
import type { ResolveMarkdownUrl } from "./relative-links.js";
import { excerptOf } from "./excerpt.js";
import { renderMdx, type MdxModule } from "./render-mdx.js";

export interface RenderEntryOptions {
  /** For `.mdx` entries: the components its tags name, such as `{ Note }`. */
  components?: Record<string, unknown>;
}

type RenderableEntry = Pick<Entry, "body" | "digest"> & Partial<Pick<Entry, "origin">>;

/** What pages' `renderEntry()` renders with: one per build, worker or dev session. */
export interface EntryRenderer {
  readonly markdown: MarkdownRenderer;
  /** Where links to markdown pages point. */
  readonly resolveUrl: ResolveMarkdownUrl | undefined;
  /** Components every MDX page and entry can use: the config's `markdown.mdxComponents`. */
  readonly mdxComponents: Readonly<Record<string, unknown>>;
  render(entry: RenderableEntry, options?: RenderEntryOptions): RenderedMarkdown;
  /**
   * What the renders since the last call need, emptied by the call: local images to write
   * beside the page, and raster images met before they were encoded (the page renders again
   * after `markdown.prepareImages()` of them).
   */
  takeNeeds(): MarkdownNeeds;
}

export interface MarkdownNeeds {
  assets: Map<string, string | Uint8Array>;
  unencoded: string[];
  /** Broken links to markdown files in what rendered. */
  problems: KilnError[];
}

export interface EntryRendererOptions {
  markdown: MarkdownRenderer;
  resolveUrl?: ResolveMarkdownUrl | undefined;
  /** Compiled `.mdx` entries by digest. */
  mdxEntries?: ReadonlyMap<string, MdxModule> | undefined;
  mdxComponents?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Results are cached by the entry's digest, so a page listing a hundred posts and the hundred
 * post pages render each body once per thread. The cache keeps the most recently used results
 * only: unbounded, it held every rendered post of a large site in memory.
 */
const CACHE_LIMIT = 1000;

export function createEntryRenderer(options: EntryRendererOptions): EntryRenderer {
  const { markdown, resolveUrl } = options;
  const mdxComponents = options.mdxComponents ?? {};
  const cache = new Map<string, RenderedMarkdown>();
  let needs: MarkdownNeeds = { assets: new Map(), unencoded: [], problems: [] };
  const note = (rendered: RenderedMarkdown) => {
    for (const [output, source] of rendered.assets ?? []) needs.assets.set(output, source);
    if (rendered.unencoded) needs.unencoded.push(...rendered.unencoded);
    if (rendered.problems) needs.problems.push(...rendered.problems);
  };
  return {
    markdown,
    resolveUrl,
    mdxComponents,
    render(entry, renderOptions = {}) {
      const file = fileOrigin(entry.origin)?.file;
      if (file?.endsWith(".mdx")) {
        // Not cached: the page's components change the output.
        const module = options.mdxEntries?.get(entry.digest);
        if (!module) {
          throw new KilnError(
            catalog.MdxRender({
              reason: "the entry was not compiled; MDX entries render in a build",
            }),
            { file },
          );
        }
        const { html, headings } = renderMdx(module, renderOptions.components, file, mdxComponents);
        return { html, headings, toc: markdown.toc(headings) };
      }
      let rendered = cache.get(entry.digest);
      if (rendered) {
        cache.delete(entry.digest); // re-inserted below: Map order is recency order
        note(rendered);
      } else {
        rendered = markdown.render(entry.body, { source: fileOrigin(entry.origin), resolveUrl });
        note(rendered);
        // Rendered again once its images are encoded: not a result to keep.
        if (rendered.unencoded) return rendered;
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      }
      cache.set(entry.digest, rendered);
      return rendered;
    },
    takeNeeds() {
      const taken = needs;
      needs = { assets: new Map(), unencoded: [], problems: [] };
      return taken;
    },
  };
}

function fileOrigin(origin: EntryOrigin | undefined) {
  return origin && "file" in origin ? origin : undefined;
}

/** The renderer of the build, worker or dev request that is rendering the current page. */
const current = new AsyncLocalStorage<EntryRenderer>();

export function runWithEntryRenderer<T>(renderer: EntryRenderer, work: () => T): T {
  return current.run(renderer, work);
}

/** What pages get from `renderEntry()`. */
export type RenderedEntry = RenderedMarkdown & {
  /**
   * The start of the body as plain text, for lists and feeds of entries without a
   * `description` (`entry.data.description ?? renderEntry(entry).excerpt`): the text before
   * `<!-- more -->`, else the first words of the prose, under 140 characters.
   */
  readonly excerpt: string;
};

/** A collection entry's body as HTML, with its headings, table of contents and excerpt. */
export function renderEntry(
  entry: RenderableEntry,
  options: RenderEntryOptions = {},
): RenderedEntry {
  const renderer = current.getStore();
  if (!renderer) throw new Error("renderEntry() works only while Kiln builds pages.");
  const rendered = renderer.render(entry, options);
  let excerpt: string | undefined;
  // Computed when asked: most pages that render an entry show its body, not its excerpt.
  return {
    ...rendered,
    get excerpt() {
      return (excerpt ??= excerptOf(rendered.html));
    },
  };
}
