export { catalog, type CatalogEntry, type ErrorDetails } from "./catalog.js";
export { KilnError, type SourceLocation } from "./kiln-error.js";
export {
  formatError,
  formatWarning,
  formatLocation,
  codeFrame,
  terminalSafe,
  type FormatErrorOptions,
} from "./format-error.js";
export { fromSystemError } from "./system-error.js";
export { DOCS_DIR, docsPage, errorDocsUrl } from "./docs-url.js";
