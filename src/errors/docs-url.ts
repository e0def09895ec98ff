/**
 * Where Kiln's documentation site (built from docs/ in the repository) is published. Every
 * error printed links to its entry in the error reference, `/errors/#<code>`, whose page is
 * generated from this catalog (`npm run docs:gen`), so the anchor always exists.
 */
export const DOCS_URL = "https://kiln-ssg.dev";

/** The error reference entry of a code: `https://…/errors/#kiln_config_invalid`. */
export function errorDocsUrl(code: string): string {
  return `${DOCS_URL}/errors/#${code.toLowerCase()}`;
}
