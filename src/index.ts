/**
 * What a Kiln project imports: `defineConfig` in kiln.config.ts; `Head`, `getCollection`,
 * `getEntry` and `renderEntry` in pages and layouts; `z` for collection schemas.
 */
import {
  queryCollection,
  queryEntry,
  type CollectionQuery,
  type Entry,
  type EntryReference,
} from "./content/index.js";
import type { SiteInfo } from "./render/index.js";
export { isoDate, reference, type EntryReference } from "./content/index.js";
export { query } from "./graphql/index.js";

export {
  defineConfig,
  type CollectionsOf,
  type KilnUserConfig,
  type ResolvedConfig,
} from "./config/index.js";
export {
  Head,
  Island,
  markIsland,
  Script,
  Image,
  Seo,
  usePage,
  type PageInfo,
  type SeoProps,
  type SiteInfo,
  type ImageProps,
  type ImageSource,
  type HydrateStrategy,
  type MarkdownLayoutProps,
} from "./render/index.js";
export {
  renderEntry,
  type Heading,
  type RenderEntryOptions,
  type RenderedEntry,
  type RenderedMarkdown,
} from "./markdown/index.js";
export type { Entry, EntryOrigin, Source, SourceContext } from "./content/index.js";
export {
  paginate,
  slugify,
  taxonomy,
  type Paginated,
  type PaginateOptions,
  type PathItem,
  type Term,
} from "./routes/index.js";
export {
  definePlugin,
  type KilnPlugin,
  type PluginHooks,
  type PluginRoute,
  type ConfigHookContext,
  type RoutesHookContext,
  type OutputHookContext,
  type PageHookContext,
} from "./plugins/index.js";
export {
  fromEnv,
  graphqlSource,
  jsonSource,
  sanitizeHtml,
  wordpressSource,
  xmlSource,
  type FeedItem,
  type FetchOptions,
  type GraphqlSourceOptions,
  type JsonSourceOptions,
  type Pagination,
  type SanitizeOptions,
  type WordpressAuthor,
  type WordpressMedia,
  type WordpressPost,
  type WordpressSourceOptions,
  type WordpressTerm,
  type XmlSourceOptions,
} from "./sources/index.js";
export { z } from "zod";

/**
 * The data type of each collection, filled in by the project:
 * `declare module "kiln-ssg" { interface Collections extends CollectionsOf<typeof config> {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Collections {}

type CollectionName = [keyof Collections] extends [never]
  ? string
  : Extract<keyof Collections, string>;
type DataOf<K> = K extends keyof Collections ? Collections[K] : Record<string, unknown>;

type Match<V> = V extends EntryReference ? V | string : V;
type WhereValue<V> = V extends readonly (infer E)[] ? Match<E> : Match<V>;
type FieldOf<D> = Extract<keyof D, string>;

/**
 * A query of `getCollection()`, typed from the collection's schema. `where`: every field must
 * match (equal; an array field must contain the value; a reference matches its id, so
 * `{ author: "ada" }` are the posts of author ada). `sort`: a field, `-field` for descending;
 * ties by id. Then `offset` and `limit`.
 */
export interface Query<D> {
  where?: { [F in FieldOf<D>]?: WhereValue<D[F]> };
  sort?: FieldOf<D> | `-${FieldOf<D>}`;
  limit?: number;
  offset?: number;
}

/**
 * The entries of a collection, sorted by id, all of them or those a query or filter picks.
 * The page is rebuilt when any entry of the collection changes. Queries are answered from
 * indexes kept for the build, so asking again on every page is cheap.
 */
export function getCollection<K extends CollectionName>(
  name: K,
  query?: Query<DataOf<K>> | ((entry: Entry<DataOf<K>>) => boolean),
): Entry<DataOf<K>>[] {
  return queryCollection(name, query as CollectionQuery | ((entry: Entry) => boolean)) as Entry<
    DataOf<K>
  >[];
}

/** One entry by collection and id, or by a reference (`getEntry(post.data.author)`); undefined when missing. */
export function getEntry<K extends CollectionName>(
  name: K,
  id: string,
): Entry<DataOf<K>> | undefined;
export function getEntry<K extends CollectionName>(
  ref: EntryReference<K>,
): Entry<DataOf<K>> | undefined;
export function getEntry(nameOrRef: string | EntryReference, id?: string): Entry | undefined {
  if (typeof nameOrRef === "string") return queryEntry(nameOrRef, id ?? "");
  return queryEntry(nameOrRef.collection, nameOrRef.id);
}

/**
 * The site's own data (the config's `site.meta`), typed by the project:
 * `declare module "kiln-ssg" { interface SiteMeta { tagline: string } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SiteMeta {}

/** The config's `site` as pages get it, its `meta` typed by `SiteMeta` when the project says. */
export type Site = Omit<SiteInfo, "meta"> & {
  meta: [keyof SiteMeta] extends [never] ? Readonly<Record<string, unknown>> : SiteMeta;
};

/** Props every page component receives, besides those its `paths()` gave. */
export type PageProps<P extends object = object> = P & {
  /** The page's URL, such as `/posts/hello/`. */
  url: string;
  params: Record<string, string>;
  /** The config's `site`: url, title, lang, description, author, social, meta. */
  site: Site;
  /** The page's absolute URL (`site.url` + `url`), when `site.url` is set. */
  absoluteUrl: string | undefined;
};
