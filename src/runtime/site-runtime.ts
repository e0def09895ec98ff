import { readMarkdownBody, runWithStore, trackReads, type ContentStore } from "../content/index.js";
import { runWithGraphql, type GraphqlRuntime } from "../graphql/index.js";
import { runWithEntryRenderer, type EntryRenderer } from "../markdown/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { renderPage, type RenderPageInput } from "../render/index.js";
import type { PageTransform } from "../plugins/index.js";
import { codeStylesLink, type CodeStyles } from "./code-styles.js";

/**
 * What a page's render reads besides its props: the content store (`getCollection()`) and the
 * entry renderer (`renderEntry()`). One per build, per render worker and per dev session; a
 * page reaches it through `runInSite`, never through a module variable, so the same page gives
 * the same bytes on the main thread, in a worker and in `kiln dev`.
 */
export interface SiteRuntime {
  store: ContentStore;
  entries: EntryRenderer;
  /** The stylesheet of highlighted code, written beside the first page that links it. */
  codeStyles?: CodeStyles | undefined;
  /** The plugins' `kiln:page` hooks over each rendered HTML page. */
  transformPage: PageTransform;
  /** What `query()` runs GraphQL with: the schema made from the collections' zod schemas. */
  graphql?: GraphqlRuntime | undefined;
  /**
   * Markdown file → URL of the page that renders it, for entries of collections: known only
   * once pages' `paths()` made the route table, after this runtime was created. Lets
   * `[next](./other-post.md)` between two entries become a link to the other's page.
   */
  addPageUrls(urls: readonly (readonly [string, string])[]): void;
}

export function runInSite<T>(runtime: SiteRuntime, work: () => T): T {
  return runWithStore(runtime.store, () =>
    runWithEntryRenderer(runtime.entries, () => runWithGraphql(runtime.graphql, work)),
  );
}

/** A markdown page's body, rendered where the page renders (not where it was loaded). */
export interface MarkdownBody {
  file: string;
  /** 1-based line where the body starts, after the front matter. */
  bodyLine: number;
  /** Of the file's bytes: results are cached by it, like an entry's. */
  digest: string;
}

/** A page to render in the site: a markdown page's body becomes its `html`, `headings`, `toc`. */
export type SitePage = Omit<RenderPageInput, "codeStylesheet"> & {
  markdown?: MarkdownBody | undefined;
  /** Not an HTML page: the component's return value is the file (`src/pages/feed.xml.ts`). */
  endpoint?: boolean | undefined;
};

export interface RenderedPage {
  /** The HTML document, or for an endpoint the file exactly as its function returned it. */
  html: string | Uint8Array;
  /** What the render read from the store (see `trackReads`). */
  reads: string[];
  /**
   * Files the page needs beside it: local images of markdown it rendered, and the stylesheet
   * of highlighted code if it has some. Output path → source file or bytes.
   */
  assets: Map<string, string | Uint8Array>;
  /** Broken links to markdown files in what the page rendered, each with its file and line. */
  problems: KilnError[];
}

/**
 * Renders a page in the site. Rendering is synchronous and encoding images is not, so a page
 * whose markdown met raster images not encoded yet has them encoded, then renders again: the
 * second render is the page's, and gives the same bytes wherever it runs.
 */
export async function renderPageInSite(
  runtime: SiteRuntime,
  { markdown: body, endpoint, ...page }: SitePage,
): Promise<RenderedPage> {
  if (endpoint) return renderEndpoint(runtime, page);
  const styles = runtime.codeStyles;
  const link = styles && codeStylesLink(styles);
  for (;;) {
    // One synchronous block: nothing else renders between the page and taking what it needs.
    const { result, reads } = await trackReads(() =>
      runInSite(runtime, () => {
        runtime.entries.takeNeeds();
        const props = body ? { ...page.props, ...renderBody(runtime, body) } : page.props;
        const html = renderPage({ ...page, props, codeStylesheet: link });
        return { html, needs: runtime.entries.takeNeeds() };
      }),
    );
    const { assets, unencoded, problems } = result.needs;
    if (unencoded.length === 0) {
      if (link && result.html.includes(link)) assets.set(styles.file, Buffer.from(styles.css));
      const html = await runtime.transformPage({ html: result.html, url: page.url });
      return { html, reads, assets, problems };
    }
    await runtime.entries.markdown.prepareImages(unencoded);
  }
}

function renderBody(runtime: SiteRuntime, { file, bodyLine, digest }: MarkdownBody) {
  const { html, headings, toc } = runtime.entries.render({
    get body() {
      return readMarkdownBody(file);
    },
    digest,
    origin: { file, bodyLine },
  });
  return { html, headings, toc };
}

/** A file page (`feed.xml.ts`): its default export, called in the site, gives the file. */
async function renderEndpoint(
  runtime: SiteRuntime,
  page: Omit<SitePage, "markdown" | "endpoint">,
): Promise<RenderedPage> {
  const call = page.component as unknown as (props: unknown) => unknown;
  const props = { ...page.props, site: page.site };
  const { result, reads } = await trackReads(async () => {
    try {
      return await runInSite(runtime, () => call(props));
    } catch (error) {
      if (KilnError.is(error)) throw error.within({ file: page.file });
      const reason = error instanceof Error ? error.message : String(error);
      throw new KilnError(
        catalog.EndpointInvalid({ problem: `its function threw: ${reason}` }),
        { file: page.file },
        { cause: error },
      );
    }
  });
  if (typeof result !== "string" && !(result instanceof Uint8Array)) {
    const got = result === null ? "null" : typeof result;
    throw new KilnError(
      catalog.EndpointInvalid({
        problem: `its default export returned ${got}, not a string or bytes`,
      }),
      { file: page.file },
    );
  }
  return { html: result, reads, assets: new Map(), problems: [] };
}
