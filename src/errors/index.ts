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
export { DOCS_URL, errorDocsUrl } from "./docs-url.js";
