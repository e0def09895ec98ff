import type { Source } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { fetchAllPages, type Pagination } from "./paginate.js";
import { parseJson } from "./parse-data.js";
import {
  createClient,
  createRemoteEntry,
  getPath,
  sourceTraits,
  sanitizeFields,
  selectItems,
  type RemoteItemOptions,
} from "./remote-items.js";
import { Secrets, type MaybeSecret } from "./secrets.js";
import { logSourceDone } from "./source-log.js";

export interface JsonSourceOptions extends RemoteItemOptions {
  /** The endpoint. Secrets belong in `params` or `headers`, as `fromEnv("NAME")`. */
  url: string;
  /** Query parameters added to every request. */
  params?: Record<string, string | number | MaybeSecret>;
  /** Request headers, such as `{ Authorization: fromEnv("API_TOKEN", (t) => "Bearer " + t) }`. */
  headers?: Record<string, MaybeSecret>;
  /** Where the array of items is in each response: a dotted path or a function. @default the body itself */
  items?: string | ((body: unknown) => unknown);
  /** How the list is split over responses. @default one response */
  paginate?: Pagination;
  /** Stop with an error after this many pages. @default 1000 */
  maxPages?: number;
}

const JSON_TYPES = ["application/json", "+json"];

/** Entries from a JSON REST API, one per item of the list it returns. */
export function jsonSource(options: JsonSourceOptions): Source {
  const name = options.name ?? `json:${options.collection}`;
  return {
    name,
    ...sourceTraits(options, [options.collection]),
    async load(context) {
      const secrets = new Secrets(name);
      const client = createClient(context, name, secrets, options.fetch);
      const url = parseUrl(options.url, name);
      for (const [key, value] of Object.entries(options.params ?? {})) {
        url.searchParams.set(
          key,
          typeof value === "number" ? String(value) : secrets.reveal(value),
        );
      }
      const headers = secrets.revealAll(options.headers);
      const pages = await fetchAllPages(options.paginate, {
        client,
        source: name,
        url,
        maxPages: options.maxPages ?? 1000,
        fetchPage: (pageUrl) =>
          client.request({ url: pageUrl, headers, accept: JSON_TYPES }, (text, shown) =>
            parseJson(text, name, shown),
          ),
        countItems: (page) => selectItems(page.value, options.items, name, page.url).length,
      });
      context.store.addCollection(options.collection);
      for (const page of pages) {
        const shown = client.show(page.url);
        for (const raw of selectItems(page.value, options.items, name, shown)) {
          const item = sanitizeFields(raw, options.html ?? [], options.sanitize);
          const id =
            typeof options.id === "function" ? options.id(item) : getPath(item, options.id ?? "id");
          const data = options.transform ? options.transform(item) : item;
          context.store.set(createRemoteEntry(context, options.collection, id, data, shown, name));
        }
      }
      logSourceDone(context.logger, name, client);
    },
  };
}

export function parseUrl(url: string, source: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new KilnError(
      catalog.SourceOptionsInvalid({ source, problem: `"${url}" is not an absolute URL` }),
    );
  }
}
