import { fileURLToPath } from "node:url";

/**
 * Kiln's documentation as it ships in the package: the markdown pages of docs/ (the docs
 * site's sources). Errors linked to https://kiln-ssg.dev, a site that does not exist yet, and
 * package.json names no repository to link instead (issue 23); a file on the user's disk is
 * there with the Kiln that printed the error, at its version. Once the docs site is deployed
 * (`npm run docs:deploy`), this is the one place to point at it.
 */
export const DOCS_DIR = fileURLToPath(new URL("../../docs/src/content/docs", import.meta.url));

/** A docs page by its name, such as `config`: its markdown file in the package. */
export function docsPage(page: string): string {
  return `${DOCS_DIR}/${page}.md`;
}

/**
 * The error reference entry of a code: `…/docs/errors.md#kiln_config_invalid`, the anchor a
 * markdown viewer gives the code's heading. The page is generated from the catalog
 * (`npm run docs:gen`), so the entry always exists.
 */
export function errorDocsUrl(code: string): string {
  return `${docsPage("errors")}#${code.toLowerCase()}`;
}
