export {
  createMarkdownRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
  type RenderContext,
  type RenderedMarkdown,
} from "./create-renderer.js";
export type { Heading } from "./heading-ids.js";
export type { MarkdownPicture, ProcessMarkdownImage } from "./markdown-picture.js";
export type { ResolveMarkdownUrl, SourceLocation } from "./relative-links.js";
export {
  createEntryRenderer,
  renderEntry,
  runWithEntryRenderer,
  type EntryRenderer,
  type MarkdownNeeds,
  type RenderEntryOptions,
  type RenderedEntry,
} from "./render-entry.js";
export { excerptOf } from "./excerpt.js";
export { codeStylesheet, type HighlightThemes } from "./highlight.js";
export { compileMdx } from "./compile-mdx.js";
export { renderMdx, type MdxModule } from "./render-mdx.js";
