/** Text helpers for the generated reference pages of docs/. */
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The first lines of a generated page: where it comes from, so nobody edits it by hand. */
export function generatedNotice(source: string): string {
  return `<!-- Generated from ${source} by \`npm run docs:gen\`; do not edit by hand. test/docs checks it is up to date. -->`;
}

/**
 * Text from a comment or a message, safe in markdown: outside code spans, `<` and `>` are
 * escaped (markdown keeps raw HTML, and `<Image>` in a description is no tag), and so are
 * brackets (`![what it shows](photo.jpg)` in a hint is no image).
 */
export function escapeText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[[\]]/g, "\\$&"),
    )
    .join("");
}

/** A table cell: one line, and `|` escaped (GFM splits cells on it, even inside code). */
export function escapeCell(text: string): string {
  return text.replace(/\n/g, " ").replace(/\|/g, "\\|");
}
