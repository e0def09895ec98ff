import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { close, createIndex, type PagefindIndex } from "pagefind";
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
  let failed = false;
  try {
    const problems: string[] = [];
    let count = 0;
    // A few pages in flight keep Pagefind busy while the next page is read; never more, so
    // memory stays a few pages however large the site.
    const inFlight = new Set<Promise<void>>();
    for await (const page of pages) {
      const added = deadline(
        index.addHTMLFile({ url: page.url, content: page.html }),
        PAGE_DEADLINE,
        `indexing ${page.url}`,
      ).then(({ errors }) => {
        if (errors.length > 0) problems.push(`${page.file} (${page.url}): ${errors.join("; ")}`);
        else count++;
      });
      inFlight.add(added);
      void added.then(
        () => inFlight.delete(added),
        () => inFlight.delete(added),
      );
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    problems.sort();
    if (problems.length > 0) throw new KilnError(catalog.SearchIndexFailed({ problems }));
    const { errors, files } = await deadline(index.getFiles(), WRITE_DEADLINE, "writing the index");
    if (errors.length > 0) throw new KilnError(catalog.SearchIndexFailed({ problems: errors }));
    if (count === 0) options.logger.warn("search: no page to index; the search finds nothing.");
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files: files.filter((file) => !UNUSED.test(file.path)), pages: count };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // The indexer is one process for every build in this Node process (tests in parallel):
    // drop this index's memory, leave the process to the others. After a failure it may be
    // dead, and Pagefind would keep the dead one: close it so the next build starts afresh.
    if (failed) await close().catch(() => undefined);
    else await index.deleteIndex().catch(() => undefined);
  }
}

/**
 * Pagefind answers each call over a pipe; if its process dies (killed for memory, crashed)
 * the call never settles, and with nothing else pending Node would exit mid-build with no
 * message. A deadline turns that into a located error, and the staging folder is discarded.
 */
const PAGE_DEADLINE = 60_000;
const IN_FLIGHT = 8;
const WRITE_DEADLINE = 600_000;

async function deadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = `Pagefind did not answer within ${ms / 1000} s while ${what}; its process may have stopped (out of memory?)`;
      reject(new KilnError(catalog.SearchIndexFailed({ problems: [reason] })));
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function openIndex(exclude: readonly string[]): Promise<PagefindIndex> {
  const missing = missingProgram();
  if (missing) throw new KilnError(catalog.SearchIndexFailed({ problems: [missing] }));
  let response;
  try {
    response = await deadline(
      createIndex({ excludeSelectors: [...exclude] }),
      PAGE_DEADLINE,
      "starting",
    );
  } catch (error) {
    if (error instanceof KilnError) throw error;
    await close().catch(() => undefined);
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

/**
 * Looks for Pagefind's program where its Node API will (an environment variable, else the
 * package @pagefind/<os>-<cpu>), so that a missing one is one clear error rather than the
 * stack traces Pagefind prints when the spawn fails. Undefined when it is there.
 */
function missingProgram(): string | undefined {
  const names = ["pagefind_extended", "pagefind"];
  for (const name of names) {
    const variable = `${name.toUpperCase()}_BINARY_PATH`;
    const fromEnvironment = process.env[variable];
    if (fromEnvironment)
      return existsSync(fromEnvironment)
        ? undefined
        : `${variable} names ${fromEnvironment}, which does not exist`;
  }
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const cpu = process.env["npm_config_arch"] || os.arch();
  const require = createRequire(import.meta.resolve("pagefind"));
  for (const name of names) {
    const program = `@pagefind/${platform}-${cpu}/bin/${platform === "windows" ? `${name}.exe` : name}`;
    try {
      require.resolve(program);
      return undefined;
    } catch {
      // Not this one; try the next name.
    }
  }
  return `Pagefind has no program for ${platform}-${cpu} here (the package @pagefind/${platform}-${cpu} is not installed)`;
}
