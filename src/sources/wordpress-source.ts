import type { Source, SourceContext } from "../content/index.js";
import type { FetchOptions } from "./fetch-options.js";
import type { HttpClient } from "./http-client.js";
import { parseUrl } from "./json-source.js";
import { fetchAllPages } from "./paginate.js";
import { parseJson } from "./parse-data.js";
import { createClient, createRemoteEntry, selectItems, sourceTraits } from "./remote-items.js";
import type { SanitizeOptions } from "./sanitize-html.js";
import { Secrets, type MaybeSecret } from "./secrets.js";
import { logSourceDone } from "./source-log.js";
import { toWordpressEntries, WORDPRESS_KINDS, type WordpressKind } from "./wordpress-entries.js";

export interface WordpressSourceOptions {
  /** The site's base URL, such as `https://cms.example.com` (the REST API is under /wp-json/). */
  url: string;
  /**
   * The collection each kind of content goes into, or `false` to skip it.
   * @default { posts: "posts", pages: "pages", categories: "categories", tags: "tags", authors: "authors", media: "media" }
   */
  collections?: Partial<Record<WordpressKind, string | false>>;
  /** Request headers, for a site behind authentication: `fromEnv("WP_AUTH", ...)`. */
  headers?: Record<string, MaybeSecret>;
  /** What the HTML sanitizer lets through in content and excerpts; `false` trusts the site. */
  sanitize?: SanitizeOptions | false;
  fetch?: FetchOptions;
  /** @default "wordpress" */
  name?: string;
  /** Build without the site when it is unavailable: no entries, one warning. @default false */
  optional?: boolean;
}

/** REST routes of each kind; content is asked for published items only. */
const ROUTES: Record<WordpressKind, string> = {
  posts: "wp/v2/posts?status=publish",
  pages: "wp/v2/pages?status=publish",
  categories: "wp/v2/categories",
  tags: "wp/v2/tags",
  authors: "wp/v2/users",
  media: "wp/v2/media",
};

/**
 * Posts, pages, categories, tags, authors and media of a WordPress site through its REST API
 * (`/wp-json/wp/v2/...`, 100 per page, every page after the first in parallel by
 * `X-WP-TotalPages`), with relations resolved: a post's author, categories, tags and
 * featured image are objects, not ids. Only published, public content: drafts, private and
 * password-protected posts are left out, whatever the credentials allow.
 */
export function wordpressSource(options: WordpressSourceOptions): Source {
  const name = options.name ?? "wordpress";
  const kinds = WORDPRESS_KINDS.filter((kind) => options.collections?.[kind] !== false);
  return {
    name,
    ...sourceTraits(
      options,
      kinds.map((kind) => options.collections?.[kind] || kind),
    ),
    async load(context) {
      const secrets = new Secrets(name);
      const client = createClient(context, name, secrets, options.fetch);
      const base = parseUrl(options.url, name);
      const headers = secrets.revealAll(options.headers);
      // Relations need categories, tags, users and media even when their collections are off.
      const lists = await Promise.all(
        WORDPRESS_KINDS.map(async (kind) => {
          const needed = kinds.includes(kind) || (kind !== "pages" && kinds.includes("posts"));
          return [
            kind,
            needed ? await fetchKind(client, name, base, ROUTES[kind], headers) : [],
          ] as const;
        }),
      );
      const raw = Object.fromEntries(lists) as Record<WordpressKind, Record<string, unknown>[]>;
      const entries = toWordpressEntries(raw, options.sanitize);
      const shownBase = client.show(new URL("wp-json/wp/v2/", withSlash(base)).href);
      for (const kind of kinds) {
        addAll(context, options.collections?.[kind] || kind, entries[kind], shownBase + kind, name);
      }
      logSourceDone(context.logger, name, client);
    },
  };
}

async function fetchKind(
  client: HttpClient,
  source: string,
  base: URL,
  route: string,
  headers: Record<string, string>,
): Promise<Record<string, unknown>[]> {
  const url = new URL(`wp-json/${route}`, withSlash(base));
  const pages = await fetchAllPages(
    { type: "page", size: { param: "per_page", value: 100 }, totalPagesHeader: "X-WP-TotalPages" },
    {
      client,
      source,
      url,
      maxPages: 10_000,
      fetchPage: (pageUrl) =>
        client.request({ url: pageUrl, headers, accept: ["application/json"] }, (text, shown) =>
          parseJson(text, source, shown),
        ),
      countItems: (page) => selectItems(page.value, undefined, source, page.url).length,
    },
  );
  return pages.flatMap((page) => selectItems(page.value, undefined, source, client.show(page.url)));
}

function addAll(
  context: SourceContext,
  collection: string,
  items: { id: string; data: Record<string, unknown> }[],
  url: string,
  source: string,
): void {
  context.store.addCollection(collection);
  for (const { id, data } of items) {
    context.store.set(createRemoteEntry(context, collection, id, data, url, source));
  }
}

function withSlash(url: URL): URL {
  const copy = new URL(url);
  if (!copy.pathname.endsWith("/")) copy.pathname += "/";
  return copy;
}
