import type { Entry } from "../content/index.js";
import { definePlugin, type KilnPlugin, type OutputHookContext } from "../plugins/index.js";
import { withBasePath } from "../support/index.js";
import { itemJsonSchema } from "./content-api-schema.js";
import { entryUrls } from "./feed-items.js";
import { absolutizeHtml } from "./absolute-urls.js";
import { absoluteUrl, siteRoot } from "./xml-escape.js";

type ApiOptions = NonNullable<OutputHookContext["config"]["contentApi"]>;
type CollectionOptions = ApiOptions["collections"][string];

/** An id becomes a file path: only segments a URL and every file system carry as they are. */
const SAFE_SEGMENT = /^[\p{L}\p{N}_~-][\p{L}\p{N}._~-]*$/u;

/**
 * Built in, on with `contentApi`: the seed's "same API for your site and native applications".
 * Per collection, `<dir>/<collection>/index.json` (first page of the list, then
 * `page/<n>.json`), `<dir>/<collection>/<id>.json` per entry and `schema.json`, plus
 * `<dir>/index.json` naming the collections. Static files: no server, deployed like the rest.
 */
export function contentApiPlugin(): KilnPlugin {
  return definePlugin({
    name: "kiln:content-api",
    hooks: {
      "kiln:output": async (context) => {
        const api = context.config.contentApi;
        if (!api) return;
        const index: Record<string, string> = {};
        for (const [collection, options] of Object.entries(api.collections)) {
          if (context.entries(collection).length === 0) {
            context.logger.warn(`content API: the collection "${collection}" has no entries`);
          }
          index[collection] = await writeCollection(context, api, collection, options);
        }
        await writeJson(context, `${api.dir}/index.json`, { collections: index });
      },
    },
  });
}

async function writeCollection(
  context: OutputHookContext,
  api: ApiOptions,
  collection: string,
  options: CollectionOptions,
): Promise<string> {
  const { config, logger } = context;
  const base = `${api.dir}/${collection}`;
  const pages = entryUrls(context.routes, collection);
  const siteUrl = siteRoot(config.site);
  const unsafe: string[] = [];
  const items: ApiItem[] = [];
  for (const entry of context.entries(collection)) {
    if (entry.data["draft"] === true) continue;
    if (!entry.id.split("/").every((segment) => SAFE_SEGMENT.test(segment))) {
      unsafe.push(entry.id);
      continue;
    }
    const page = pages.get(entry.id);
    const url = page === undefined ? null : publicUrl(siteUrl, page, config.site.base);
    items.push({ entry, item: { id: entry.id, url, data: pick(entry.data, options.fields) } });
  }
  if (unsafe.length > 0) {
    logger.warn(
      `content API: left out ${unsafe.length} ${collection} entr${unsafe.length === 1 ? "y" : "ies"} whose id cannot be a file name: ${unsafe.slice(0, 5).join(", ")}`,
    );
  }
  // The API's own links are root-relative: a client resolves them against the address it
  // fetched from, so the same files work on a preview, a CDN and the origin.
  const href = (path: string) => withBasePath(`/${path}`, config.site.base);
  for (const { entry, item } of items) {
    const html = options.html && entry.body !== "" ? context.renderEntry(entry) : undefined;
    const body = html === undefined ? item : { ...item, html: absolutize(html, item.url, siteUrl) };
    await writeJson(context, `${base}/${entry.id}.json`, body);
  }
  const total = Math.max(1, Math.ceil(items.length / api.pageSize));
  const listPath = (n: number) => (n === 1 ? `${base}/index.json` : `${base}/page/${n}.json`);
  for (let n = 1; n <= total; n++) {
    const slice = items.slice((n - 1) * api.pageSize, n * api.pageSize);
    await writeJson(context, listPath(n), {
      collection,
      total: items.length,
      page: n,
      pages: total,
      next: n < total ? href(listPath(n + 1)) : null,
      prev: n > 1 ? href(listPath(n - 1)) : null,
      schema: href(`${base}/schema.json`),
      items: slice.map(({ item }) => ({ ...item, href: href(`${base}/${item.id}.json`) })),
    });
  }
  const schema = config.collections[collection]?.schema;
  await writeJson(
    context,
    `${base}/schema.json`,
    itemJsonSchema(collection, schema, options.fields),
  );
  return href(`${base}/index.json`);
}

interface ApiItem {
  entry: Entry;
  item: { id: string; url: string | null; data: Record<string, unknown> };
}

function pick(data: Record<string, unknown>, fields: readonly string[] | undefined) {
  if (!fields) return data;
  return Object.fromEntries(fields.filter((field) => field in data).map((f) => [f, data[f]]));
}

/** Absolute where the site has an origin (apps fetch from elsewhere), else root-relative. */
function publicUrl(siteUrl: string | undefined, path: string, base: string): string {
  return siteUrl ? absoluteUrl(siteUrl, path) : withBasePath(path, base);
}

function absolutize(html: string, pageUrl: string | null, siteUrl: string | undefined): string {
  return pageUrl && siteUrl ? absolutizeHtml(html, pageUrl) : html;
}

async function writeJson(context: OutputHookContext, path: string, value: unknown) {
  await context.writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
