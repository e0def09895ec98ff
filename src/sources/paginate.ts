import { KilnError, catalog } from "../errors/index.js";
import type { HttpClient, HttpResult } from "./http-client.js";
import { findNextLink } from "./link-header.js";

/** How a JSON API splits a list over several responses. */
export type Pagination =
  /** Follow the `Link: <...>; rel="next"` header (GitHub, WordPress, many REST APIs). */
  | { type: "link" }
  /**
   * `?page=1,2,3…`. With `totalPagesHeader` (such as `X-WP-TotalPages`) the pages after the
   * first are fetched in parallel; without it, until a page comes back short or empty.
   */
  | {
      type: "page";
      /** @default "page" */
      param?: string;
      /** @default 1 */
      start?: number;
      size?: { param: string; value: number };
      totalPagesHeader?: string;
    }
  /** `?offset=0&limit=50`, then `offset=50`, until a page comes back short. */
  | { type: "offset"; param?: string; limit: { param: string; value: number } }
  /** `?cursor=<next>` where `next(body)` reads the next cursor; stops when it gives none. */
  | { type: "cursor"; param: string; next: (body: unknown) => string | null | undefined };

export interface PageFetch {
  client: HttpClient;
  source: string;
  url: URL;
  fetchPage: (url: string) => Promise<HttpResult<unknown>>;
  countItems: (page: HttpResult<unknown>) => number;
  /** Refuse to go on past this many pages: an API that never stops is an error. */
  maxPages: number;
}

/** Every page of a list, in order. */
export async function fetchAllPages(
  pagination: Pagination | undefined,
  options: PageFetch,
): Promise<HttpResult<unknown>[]> {
  const { fetchPage, countItems, url } = options;
  if (!pagination) return [await fetchPage(url.href)];
  switch (pagination.type) {
    case "link": {
      const pages = [await fetchPage(url.href)];
      const seen = new Set([url.href]);
      for (let next = findNextLink(pages[0]!.header("link"), pages[0]!.url); next;) {
        guard(options, pages.length, seen.has(next));
        seen.add(next);
        const page = await fetchPage(next);
        pages.push(page);
        next = findNextLink(page.header("link"), page.url);
      }
      return pages;
    }
    case "page": {
      const param = pagination.param ?? "page";
      const start = pagination.start ?? 1;
      const pageUrl = (n: number) => {
        const next = new URL(url);
        next.searchParams.set(param, String(n));
        if (pagination.size)
          next.searchParams.set(pagination.size.param, String(pagination.size.value));
        return next.href;
      };
      const first = await fetchPage(pageUrl(start));
      const total = pagination.totalPagesHeader
        ? Number(first.header(pagination.totalPagesHeader))
        : NaN;
      if (Number.isInteger(total) && total >= 1) {
        guard(options, total - 1, false);
        const rest = Array.from({ length: total - 1 }, (_, i) => fetchPage(pageUrl(start + 1 + i)));
        return [first, ...(await Promise.all(rest))];
      }
      const pages = [first];
      const full = (page: HttpResult<unknown>) =>
        countItems(page) > 0 && (!pagination.size || countItems(page) >= pagination.size.value);
      while (full(pages.at(-1)!)) {
        guard(options, pages.length, false);
        pages.push(await fetchPage(pageUrl(start + pages.length)));
      }
      return pages;
    }
    case "offset": {
      const param = pagination.param ?? "offset";
      const pages: HttpResult<unknown>[] = [];
      let offset = 0;
      for (;;) {
        guard(options, pages.length, false);
        const next = new URL(url);
        next.searchParams.set(param, String(offset));
        next.searchParams.set(pagination.limit.param, String(pagination.limit.value));
        const page = await fetchPage(next.href);
        pages.push(page);
        const count = countItems(page);
        if (count < pagination.limit.value || count === 0) return pages;
        offset += count;
      }
    }
    case "cursor": {
      const pages = [await fetchPage(url.href)];
      const seen = new Set<string>();
      for (let cursor = pagination.next(pages[0]!.value); cursor;) {
        guard(options, pages.length, seen.has(cursor));
        seen.add(cursor);
        const next = new URL(url);
        next.searchParams.set(pagination.param, cursor);
        const page = await fetchPage(next.href);
        pages.push(page);
        cursor = pagination.next(page.value);
      }
      return pages;
    }
  }
}

function guard(options: PageFetch, pages: number, repeated: boolean): void {
  const problem = repeated
    ? "the API pointed back at a page already fetched (a pagination loop)"
    : pages >= options.maxPages
      ? `the list has more than ${options.maxPages} pages (raise \`maxPages\` if that is expected)`
      : undefined;
  if (problem) {
    throw new KilnError(
      catalog.SourceResponseInvalid({
        source: options.source,
        url: options.client.show(options.url.href),
        problem,
      }),
    );
  }
}
