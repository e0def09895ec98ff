import type { ContentStore, Source } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import type { HttpClient } from "./http-client.js";
import { parseUrl } from "./json-source.js";
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

export interface GraphqlSourceOptions extends RemoteItemOptions {
  endpoint: string;
  query: string;
  /**
   * The query's variables, or a function of the store that makes them from collections the
   * source `reads` (`(store) => ({ repos: store.list("generators").map(...) })`). @default {}
   */
  variables?: Record<string, unknown> | ((store: ContentStore) => Record<string, unknown>);
  headers?: Record<string, MaybeSecret>;
  /** Where the items are in `data`: a dotted path (`"posts.nodes"`) or a function of `data`. */
  items: string | ((data: unknown) => unknown);
  /**
   * Cursor pagination: given a response's `data`, the variables of the next request, or
   * nothing when this was the last page. Relay style:
   * `(data) => data.posts.pageInfo.hasNextPage ? { after: data.posts.pageInfo.endCursor } : undefined`.
   */
  paginate?: (data: unknown) => Record<string, unknown> | null | undefined;
  /** @default 1000 */
  maxPages?: number;
}

interface GraphqlResponse {
  data?: unknown;
  errors?: { message?: unknown; path?: unknown; locations?: { line: number; column: number }[] }[];
}

/** Entries from a GraphQL query, POSTed as JSON (GraphQL over HTTP). */
export function graphqlSource(options: GraphqlSourceOptions): Source {
  const name = options.name ?? `graphql:${options.collection}`;
  return {
    name,
    ...sourceTraits(options, [options.collection]),
    async load(context) {
      const secrets = new Secrets(name);
      const client = createClient(context, name, secrets, options.fetch);
      const endpoint = parseUrl(options.endpoint, name).href;
      const headers = { "content-type": "application/json", ...secrets.revealAll(options.headers) };
      const shown = client.show(endpoint);
      context.store.addCollection(options.collection);
      let variables =
        typeof options.variables === "function"
          ? options.variables(context.store)
          : (options.variables ?? {});
      const seen = new Set<string>();
      for (let page = 0; ; page++) {
        const key = JSON.stringify(variables);
        if (seen.has(key) || page >= (options.maxPages ?? 1000)) {
          throw new KilnError(
            catalog.SourceResponseInvalid({
              source: name,
              url: shown,
              problem: seen.has(key)
                ? "paginate() returned variables already used (a pagination loop)"
                : "too many pages (raise `maxPages` if that is expected)",
            }),
          );
        }
        seen.add(key);
        const data = await runQuery(client, name, endpoint, headers, options.query, variables);
        for (const raw of selectItems(data, options.items, name, shown)) {
          const item = sanitizeFields(raw, options.html ?? [], options.sanitize);
          const id =
            typeof options.id === "function" ? options.id(item) : getPath(item, options.id ?? "id");
          const entryData = options.transform ? options.transform(item) : item;
          context.store.set(
            createRemoteEntry(context, options.collection, id, entryData, shown, name),
          );
        }
        const next = options.paginate?.(data);
        if (!next) break;
        variables = { ...variables, ...next };
      }
      logSourceDone(context.logger, name, client);
    },
  };
}

async function runQuery(
  client: HttpClient,
  source: string,
  endpoint: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const response = await client.request(
    {
      url: endpoint,
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
      accept: ["application/graphql-response+json", "application/json"],
      readErrorBodyOf: [400, 422],
    },
    (text, shown) => {
      const body = parseJson(text, source, shown) as GraphqlResponse;
      // Errors are refused before caching, so a failed query never becomes the cached answer.
      if (Array.isArray(body.errors) && body.errors.length > 0) {
        const errors = body.errors
          .map((e) => {
            const at = e.locations?.[0];
            return `${String(e.message)}${at ? ` (query line ${at.line}, column ${at.column})` : ""}`;
          })
          .join("; ");
        throw new KilnError(catalog.SourceGraphql({ source, url: shown, errors }));
      }
      return body.data;
    },
  );
  return response.value;
}
