import type { Entry } from "../content/index.js";
import {
  createMarkdownRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
  type RenderedMarkdown,
} from "./create-renderer.js";

/**
 * The renderer pages use through `renderEntry()`. The build configures it from the config
 * before pages load; results are cached by the entry's digest, so a page listing a hundred
 * posts and the hundred post pages render each body once. The cache keeps the most recently
 * used results only: unbounded, it held every rendered post of a large site in memory.
 */
let renderer: MarkdownRenderer = createMarkdownRenderer({ html: true });
const cache = new Map<string, RenderedMarkdown>();
const CACHE_LIMIT = 1000;

export function configureMarkdown(options: MarkdownOptions): MarkdownRenderer {
  renderer = createMarkdownRenderer(options);
  cache.clear();
  return renderer;
}

export function renderEntry(entry: Pick<Entry, "body" | "digest">): RenderedMarkdown {
  let rendered = cache.get(entry.digest);
  if (rendered) {
    cache.delete(entry.digest); // re-inserted below: Map order is recency order
  } else {
    rendered = renderer.render(entry.body);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(entry.digest, rendered);
  return rendered;
}
