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
  registerMdxEntry,
  renderEntry,
  setMarkdownPageUrls,
  type RenderEntryOptions,
} from "./render-entry.js";
export type { HighlightThemes } from "./highlight.js";
export { compileMdx } from "./compile-mdx.js";
export { renderMdx, setMdxComponents, type MdxModule } from "./render-mdx.js";
