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
 * posts and the hundred post pages render each body once.
 */
let renderer: MarkdownRenderer = createMarkdownRenderer({ html: true });
const cache = new Map<string, RenderedMarkdown>();

export function configureMarkdown(options: MarkdownOptions): MarkdownRenderer {
  renderer = createMarkdownRenderer(options);
  cache.clear();
  return renderer;
}

export function renderEntry(entry: Pick<Entry, "body" | "digest">): RenderedMarkdown {
  let rendered = cache.get(entry.digest);
  if (!rendered) {
    rendered = renderer.render(entry.body);
    cache.set(entry.digest, rendered);
  }
  return rendered;
}
