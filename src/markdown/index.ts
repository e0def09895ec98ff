export {
  createMarkdownRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
  type RenderContext,
  type RenderedMarkdown,
} from "./create-renderer.js";
export type { Heading } from "./heading-ids.js";
export type { ResolveMarkdownUrl, SourceLocation } from "./relative-links.js";
export {
  configureMarkdown,
  prepareEntries,
  renderEntry,
  setMarkdownPageUrls,
} from "./render-entry.js";
export type { HighlightThemes } from "./highlight.js";
