export {
  createMarkdownRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
  type RenderedMarkdown,
} from "./create-renderer.js";
export type { Heading } from "./heading-ids.js";
export { configureMarkdown, renderEntry } from "./render-entry.js";
