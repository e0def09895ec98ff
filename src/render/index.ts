export { renderPage, type RenderPageInput } from "./render-page.js";
export { localize } from "./alternates.js";
export { Head } from "./head.js";
export { usePage, type PageInfo } from "./page-context.js";
export { Seo, jsonForScript, type SeoProps } from "./seo.js";
export { DefaultLayout, type MarkdownLayoutProps } from "./default-layout.js";
export type { SiteInfo } from "./document.js";
export { escapeAttribute, escapeText } from "./html-escape.js";
export { Island, markIsland } from "./island.js";
export type {
  ClientModule,
  HydrateStrategy,
  IslandManifest,
  ProcessedImage,
} from "./page-assets.js";
export {
  Image,
  renderPictureHtml,
  type ImageProps,
  type ImageSource,
  type PictureOptions,
} from "./image.js";
export { Script } from "./script.js";
export { serializeIslandProps } from "./island-props.js";
