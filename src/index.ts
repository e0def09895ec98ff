/**
 * What a Kiln project imports: `defineConfig` in kiln.config.ts; `Head`, `getCollection`,
 * `getEntry` and `renderEntry` in pages and layouts; `z` for collection schemas.
 */
import { queryCollection, queryEntry, type Entry } from "./content/index.js";
import type { SiteInfo } from "./render/index.js";
export { isoDate } from "./content/index.js";

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

/** Every entry of a collection, sorted by id. The page is rebuilt when any of them changes. */
export function getCollection<K extends CollectionName>(
  name: K,
  filter?: (entry: Entry<DataOf<K>>) => boolean,
): Entry<DataOf<K>>[] {
  return queryCollection(name, filter as ((entry: Entry) => boolean) | undefined) as Entry<
    DataOf<K>
  >[];
}

/** One entry by id, or undefined. */
export function getEntry<K extends CollectionName>(
  name: K,
  id: string,
): Entry<DataOf<K>> | undefined {
  return queryEntry(name, id) as Entry<DataOf<K>> | undefined;
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
