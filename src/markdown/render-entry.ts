import type { Entry, EntryOrigin } from "../content/index.js";
import {
  createMarkdownRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
  type RenderedMarkdown,
} from "./create-renderer.js";
import { KilnError, catalog } from "../errors/index.js";
import type { ResolveMarkdownUrl } from "./relative-links.js";
import { renderMdx, setMdxComponents, type MdxModule } from "./render-mdx.js";

/**
 * The renderer pages use through `renderEntry()`. The build configures it from the config
 * before pages load; results are cached by the entry's digest, so a page listing a hundred
 * posts and the hundred post pages render each body once. The cache keeps the most recently
 * used results only: unbounded, it held every rendered post of a large site in memory.
 */
let renderer: MarkdownRenderer = createMarkdownRenderer({ html: true });
let resolveUrl: ResolveMarkdownUrl | undefined;
let highlighting = false;
const cache = new Map<string, RenderedMarkdown>();
const CACHE_LIMIT = 1000;
/** Compiled `.mdx` entries by digest: the build compiles them before pages render. */
const mdxEntries = new Map<string, MdxModule>();

/** Called by the build for each `.mdx` entry it compiled. */
export function registerMdxEntry(digest: string, module: MdxModule): void {
  mdxEntries.set(digest, module);
}

export interface RenderEntryOptions {
  /** For `.mdx` entries: the components its tags name, such as `{ Note }`. */
  components?: Record<string, unknown>;
}

export function configureMarkdown(options: MarkdownOptions): MarkdownRenderer {
  renderer = createMarkdownRenderer(options);
  highlighting = Boolean(options.highlight);
  resolveUrl = undefined;
  cache.clear();
  mdxEntries.clear();
  setMdxComponents({});
  return renderer;
}

/** Where links to markdown pages point, for MDX compiled outside `renderEntry()`. */
export function currentPageUrls(): ResolveMarkdownUrl | undefined {
  return resolveUrl;
}

/** Once the pages are known: where links to their `.md` files should point. */
export function setMarkdownPageUrls(resolve: ResolveMarkdownUrl): void {
  resolveUrl = resolve;
  cache.clear();
}

/** Highlights the code of every entry before pages render them (see `MarkdownRenderer.prepare`). */
export async function prepareEntries(
  entries: Iterable<Pick<Entry, "body"> & Partial<Pick<Entry, "origin">>>,
): Promise<void> {
  // Without highlighting there is nothing to prepare; reading every body would load them all.
  if (!highlighting) return;
  const documents = [];
  for (const entry of entries) {
    if (entry.body === "" || isMdx(entry.origin)) continue;
    documents.push({ source: entry.body, context: { source: fileOrigin(entry.origin) } });
  }
  await renderer.prepare(documents);
}

function fileOrigin(origin: EntryOrigin | undefined) {
  return origin && "file" in origin ? origin : undefined;
}

function isMdx(origin: EntryOrigin | undefined): boolean {
  return fileOrigin(origin)?.file.endsWith(".mdx") === true;
}

export function renderEntry(
  entry: Pick<Entry, "body" | "digest"> & Partial<Pick<Entry, "origin">>,
  options: RenderEntryOptions = {},
): RenderedMarkdown {
  if (isMdx(entry.origin)) return renderMdxEntry(entry, options);
  let rendered = cache.get(entry.digest);
  if (rendered) {
    cache.delete(entry.digest); // re-inserted below: Map order is recency order
  } else {
    rendered = renderer.render(entry.body, { source: fileOrigin(entry.origin), resolveUrl });
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(entry.digest, rendered);
  return rendered;
}

/** Not cached: the page's components change the output. */
function renderMdxEntry(
  entry: Pick<Entry, "digest"> & Partial<Pick<Entry, "origin">>,
  options: RenderEntryOptions,
): RenderedMarkdown {
  const file = fileOrigin(entry.origin)!.file;
  const module = mdxEntries.get(entry.digest);
  if (!module) {
    throw new KilnError(
      catalog.MdxRender({ reason: "the entry was not compiled; MDX entries render in a build" }),
      { file },
    );
  }
  const { html, headings } = renderMdx(module, options.components, file);
  return { html, headings, toc: renderer.toc(headings) };
}
