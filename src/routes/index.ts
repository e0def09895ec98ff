export {
  parsePageFile,
  isDynamic,
  COMPONENT_EXTENSIONS,
  type PageFile,
  type PageKind,
  type Segment,
} from "./page-file.js";
export { scanPages } from "./scan-pages.js";
export { fillSegments, urlFor, outputPathFor, outputPathKey } from "./url-path.js";
export {
  createRouteTable,
  type Route,
  type RouteTable,
  type PageDefinition,
  type PathItem,
} from "./route-table.js";
export { markdownPageUrls } from "./markdown-urls.js";
export { paginate, type Paginated, type PaginateOptions } from "./paginate.js";
export { slugify, taxonomy, type Term } from "./taxonomy.js";
export { localeOf, type Alternate, type Locales } from "./locales.js";
