export { jsonSource, type JsonSourceOptions } from "./json-source.js";
export { xmlSource, type XmlSourceOptions } from "./xml-source.js";
export type { FeedItem } from "./feed-items.js";
export { graphqlSource, type GraphqlSourceOptions } from "./graphql-source.js";
export { wordpressSource, type WordpressSourceOptions } from "./wordpress-source.js";
export type {
  WordpressAuthor,
  WordpressMedia,
  WordpressPost,
  WordpressTerm,
} from "./wordpress-entries.js";
export type { Pagination } from "./paginate.js";
export type { FetchOptions } from "./fetch-options.js";
export { fromEnv, type EnvSecret } from "./secrets.js";
export { sanitizeHtml, htmlToText, type SanitizeOptions } from "./sanitize-html.js";
