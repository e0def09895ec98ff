import type { Source } from "../content/index.js";
import { readFeed, list } from "./feed-items.js";
import { parseUrl } from "./json-source.js";
import { parseXml } from "./parse-data.js";
import {
  createClient,
  createRemoteEntry,
  getPath,
  sourceTraits,
  sanitizeFields,
  type RemoteItemOptions,
} from "./remote-items.js";
import { Secrets, type MaybeSecret } from "./secrets.js";
import { logSourceDone } from "./source-log.js";
import { KilnError, catalog } from "../errors/index.js";

/** For RSS and Atom feeds, `id` defaults to guid, id or link, and summary and content are always sanitized. */
export interface XmlSourceOptions extends RemoteItemOptions {
  url: string;
  params?: Record<string, string | number | MaybeSecret>;
  headers?: Record<string, MaybeSecret>;
  /**
   * Where the items are: a dotted path of element names (`"catalog.book"`) or a function of
   * the parsed document. Attributes are keys starting with `@`, text is `#text`.
   * @default the items of an RSS or Atom feed, as `FeedItem`s
   */
  items?: string | ((doc: unknown) => unknown);
}

const XML_TYPES = ["application/xml", "text/xml", "+xml"];

/** Entries from an XML document or an RSS/Atom feed. */
export function xmlSource(options: XmlSourceOptions): Source {
  const name = options.name ?? `xml:${options.collection}`;
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
      const response = await client.request(
        { url: url.href, headers: secrets.revealAll(options.headers), accept: XML_TYPES },
        (text, shown) => parseXml(text, name, shown),
      );
      const shown = client.show(response.url);
      const items = options.items
        ? list(
            typeof options.items === "function"
              ? options.items(response.value)
              : getPath(response.value, options.items),
          )
        : readFeed(response.value, options.sanitize);
      if (!items) {
        throw new KilnError(
          catalog.SourceResponseInvalid({
            source: name,
            url: shown,
            problem: "the document is not an RSS or Atom feed; set `items` to where its items are",
          }),
        );
      }
      context.store.addCollection(options.collection);
      for (const raw of items) {
        const item = sanitizeFields(raw, options.html ?? [], options.sanitize);
        const id =
          typeof options.id === "function" ? options.id(item) : getPath(item, options.id ?? "id");
        const data = options.transform ? options.transform(item) : item;
        context.store.set(createRemoteEntry(context, options.collection, id, data, shown, name));
      }
      logSourceDone(context.logger, name, client);
    },
  };
}
