import path from "node:path";
import type { Entry, Source, SourceContext } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import type { FetchOptions } from "./fetch-options.js";
import { resolveFetchOptions } from "./fetch-options.js";
import { HttpClient } from "./http-client.js";
import { sanitizeHtml, type SanitizeOptions } from "./sanitize-html.js";
import type { Secrets } from "./secrets.js";

/** `"data.items"` → `body.data.items`; `""` → `body`. */
/** Options every item-list source (JSON, XML, GraphQL) shares. */
export interface RemoteItemOptions {
  /** The collection the items go into. */
  collection: string;
  /** The entry id of an item: a dotted path or a function. @default "id" */
  id?: string | ((item: Record<string, unknown>) => string | number);
  /** Fields (dotted paths) holding HTML, sanitized before `transform` sees them. @default [] */
  html?: string[];
  /** What the HTML sanitizer lets through; `false` trusts this source's HTML as it is. */
  sanitize?: SanitizeOptions | false;
  /** Turns an item into the entry's data. @default the item as it is */
  transform?: (item: Record<string, unknown>) => Record<string, unknown>;
  fetch?: FetchOptions;
  /** The source's name in messages. @default `<kind>:<collection>` */
  name?: string;
  /**
   * Build without this source when it is unavailable (its environment variable is not set,
   * its server cannot be reached, `--offline` with nothing cached): no entries, one warning.
   * @default false
   */
  optional?: boolean;
  /**
   * Collections this source reads from `context.store` in `transform` or `id`, loaded and
   * validated before it runs (such as the repositories to ask an API about). @default []
   */
  reads?: string[];
}

/** What loadContent needs to know of a source besides `load`: optional, reads, collections. */
export function sourceTraits(
  options: { optional?: boolean | undefined; reads?: readonly string[] | undefined },
  collections: readonly string[],
): Pick<Source, "optional" | "reads" | "collections"> {
  return { optional: options.optional ?? false, reads: options.reads ?? [], collections };
}

export function getPath(value: unknown, dotted: string): unknown {
  let current = value;
  for (const key of dotted.split(".").filter(Boolean)) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The one HTTP client of a source, with its cache in `.kiln/sources/`. */
export function createClient(
  context: SourceContext,
  source: string,
  secrets: Secrets,
  fetch: FetchOptions | undefined,
): HttpClient {
  return new HttpClient({
    source,
    cacheDir: path.join(context.cacheDir ?? path.join(context.root, ".kiln"), "sources"),
    offline: context.offline ?? false,
    fetch: resolveFetchOptions(fetch),
    secrets,
    logger: context.logger,
    onProgress: context.progress,
  });
}

/** Items of a response: an array at `items` (a dotted path or a function), else the body. */
export function selectItems(
  body: unknown,
  items: string | ((body: unknown) => unknown) | undefined,
  source: string,
  url: string,
): Record<string, unknown>[] {
  const selected = typeof items === "function" ? items(body) : getPath(body, items ?? "");
  if (!Array.isArray(selected)) {
    const where = typeof items === "string" && items ? `at "${items}"` : "";
    throw new KilnError(
      catalog.SourceResponseInvalid({
        source,
        url,
        problem: `expected an array of items ${where || "(set the `items` option to where they are)"}, found ${describe(selected)}`,
      }),
    );
  }
  return selected.map((item, index) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new KilnError(
        catalog.SourceResponseInvalid({
          source,
          url,
          problem: `item ${index} is ${describe(item)}, not an object`,
        }),
      );
    }
    return item as Record<string, unknown>;
  });
}

/** Replaces each HTML field (a dotted path) of a copy of `item` with its sanitized form. */
export function sanitizeFields(
  item: Record<string, unknown>,
  fields: readonly string[],
  sanitize: SanitizeOptions | false | undefined,
): Record<string, unknown> {
  if (sanitize === false || fields.length === 0) return item;
  const copy = structuredClone(item);
  for (const field of fields) {
    const keys = field.split(".");
    const last = keys.pop()!;
    const parent = getPath(copy, keys.join("."));
    if (parent === null || typeof parent !== "object") continue;
    const value = (parent as Record<string, unknown>)[last];
    if (typeof value === "string") {
      (parent as Record<string, unknown>)[last] = sanitizeHtml(value, sanitize ?? {});
    }
  }
  return copy;
}

/** An entry from a remote item; its digest covers the data, so caches key on content. */
export function createRemoteEntry(
  context: SourceContext,
  collection: string,
  id: unknown,
  data: Record<string, unknown>,
  url: string,
  source: string,
): Entry {
  if ((typeof id !== "string" && typeof id !== "number") || String(id) === "") {
    throw new KilnError(
      catalog.SourceResponseInvalid({
        source,
        url,
        problem: `an item of collection "${collection}" has no usable id (found ${describe(id)}); set the \`id\` option`,
      }),
    );
  }
  return {
    id: String(id),
    collection,
    data,
    body: "",
    digest: context.digest(JSON.stringify(data)),
    origin: { url },
  };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
