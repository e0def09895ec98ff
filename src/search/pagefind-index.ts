import { createIndex, type PagefindIndex } from "pagefind";
import type { SourceLogger } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";

/** A rendered page, as the indexer is handed it. */
export interface IndexedPage {
  url: string;
  /** The page file it comes from, for error messages. */
  file: string;
  html: string;
}

export interface IndexOptions {
  /** CSS selectors of elements left out of the index (pagefind's `excludeSelectors`). */
  exclude: readonly string[];
  logger: SourceLogger;
}

/**
 * Pagefind's ready-made interfaces: Kiln's sites search with their own island, so shipping
 * ~450 KB of unused UI in every output would only cost uploads.
 */
const UNUSED = /^(?:pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)|playground\/)/;

/**
 * Builds a Pagefind index from pages handed over one at a time: Kiln never holds more than
 * the page being sent (the indexer keeps only each page's words and excerpt text). Returns the
 * bundle's files in memory, for the caller to write where the build writes.
 */
export async function indexPages(
  pages: AsyncIterable<IndexedPage>,
  options: IndexOptions,
): Promise<{ files: { path: string; content: Uint8Array }[]; pages: number }> {
  const index = await openIndex(options.exclude);
  try {
    const problems: string[] = [];
    let count = 0;
    for await (const page of pages) {
      const { errors } = await index.addHTMLFile({ url: page.url, content: page.html });
      if (errors.length > 0) problems.push(`${page.file} (${page.url}): ${errors.join("; ")}`);
      else count++;
    }
    if (problems.length > 0) throw new KilnError(catalog.SearchIndexFailed({ problems }));
    const { errors, files } = await index.getFiles();
    if (errors.length > 0) throw new KilnError(catalog.SearchIndexFailed({ problems: errors }));
    if (count === 0) options.logger.warn("search: no page to index; the search finds nothing.");
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files: files.filter((file) => !UNUSED.test(file.path)), pages: count };
  } finally {
    // The indexer is one process for every build in this Node process (`kiln dev` rebuilds,
    // tests in parallel): drop this index's memory, leave the process to the others.
    await index.deleteIndex().catch(() => undefined);
  }
}

async function openIndex(exclude: readonly string[]): Promise<PagefindIndex> {
  let response;
  try {
    response = await createIndex({ excludeSelectors: [...exclude] });
  } catch (error) {
    // No binary for this platform: @pagefind/<os>-<cpu> did not install.
    throw new KilnError(
      catalog.SearchIndexFailed({
        problems: [error instanceof Error ? error.message : String(error)],
      }),
      undefined,
      { cause: error },
    );
  }
  if (!response.index)
    throw new KilnError(catalog.SearchIndexFailed({ problems: response.errors }));
  return response.index;
}
