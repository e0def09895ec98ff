export { renderPage, type RenderPageInput } from "./render-page.js";
export { Head } from "./head.js";
export { DefaultLayout, type MarkdownLayoutProps } from "./default-layout.js";
export type { SiteInfo } from "./document.js";
export { escapeAttribute, escapeText } from "./html-escape.js";
export {
  Island,
  markIsland,
  type ClientModule,
  type HydrateStrategy,
  type IslandManifest,
} from "./island.js";
export { serializeIslandProps } from "./island-props.js";
