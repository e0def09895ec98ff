export { createSiteRuntime, type CompiledModule, type RuntimeSpec } from "./create-runtime.js";
export { codeStyles, type CodeStyles } from "./code-styles.js";
export { createMarkdownImageProcessor } from "./markdown-images.js";
export {
  renderPageInSite,
  runInSite,
  type MarkdownBody,
  type RenderedPage,
  type SitePage,
  type SiteRuntime,
} from "./site-runtime.js";
export { writePageAssets } from "./write-assets.js";
