import type { Entry, EntryOrigin } from "../content/index.js";
import {
  createMarkdownRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
  type RenderedMarkdown,
} from "./create-renderer.js";
import type { ResolveMarkdownUrl } from "./relative-links.js";

/**
 * The renderer pages use through `renderEntry()`. The build configures it from the config
 * before pages load; results are cached by the entry's digest, so a page listing a hundred
 * posts and the hundred post pages render each body once.
 */
let renderer: MarkdownRenderer = createMarkdownRenderer({ html: true });
let resolveUrl: ResolveMarkdownUrl | undefined;
const cache = new Map<string, RenderedMarkdown>();

export function configureMarkdown(options: MarkdownOptions): MarkdownRenderer {
  renderer = createMarkdownRenderer(options);
  resolveUrl = undefined;
  cache.clear();
  return renderer;
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
  const documents = [];
  for (const entry of entries) {
    if (entry.body === "") continue;
    documents.push({ source: entry.body, context: { source: fileOrigin(entry.origin) } });
  }
  await renderer.prepare(documents);
}

function fileOrigin(origin: EntryOrigin | undefined) {
  return origin && "file" in origin ? origin : undefined;
}

export function renderEntry(
  entry: Pick<Entry, "body" | "digest"> & Partial<Pick<Entry, "origin">>,
): RenderedMarkdown {
  let rendered = cache.get(entry.digest);
  if (!rendered) {
    rendered = renderer.render(entry.body, { source: fileOrigin(entry.origin), resolveUrl });
    cache.set(entry.digest, rendered);
  }
  return rendered;
}
