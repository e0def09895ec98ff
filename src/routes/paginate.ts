import { KilnError, catalog } from "../errors/index.js";
import type { PathItem } from "./route-table.js";

/** One page of a paginated list, as `paginate()` gives it to the page in `props.page`. */
export interface Paginated<T> {
  /** This page's items. */
  items: T[];
  /** 1-based. */
  number: number;
  /** How many pages there are (at least 1). */
  count: number;
  /** How many items there are across all pages. */
  total: number;
  pageSize: number;
  url: {
    current: string;
    first: string;
    last: string;
    prev: string | undefined;
    next: string | undefined;
  };
}

export interface PaginateOptions {
  /** Items per page. */
  pageSize: number;
  /** The URL of page 1, such as "/blog/"; page 2 is "/blog/2/". */
  base: string;
  /** The page file's rest parameter, as in `[...page].tsx`. @default "page" */
  param?: string;
  /** Other params of the page file, such as `{ tag }` for `tags/[tag]/[...page].tsx`. */
  params?: Record<string, string | number>;
  /** Props every page gets besides `page`. */
  props?: Record<string, unknown>;
}

/**
 * `paths()` of a paginated list: page 1 at the bare URL (`/blog/`), then `/blog/2/`, …, each
 * with `props.page` (its items, its number, the count and the URLs of its neighbours). The
 * page file needs a rest parameter (`[...page].tsx`) so page 1 has no number. An empty list
 * still makes page 1, so the list's URL always exists.
 */
export function paginate<T>(items: readonly T[], options: PaginateOptions): PathItem[] {
  const { pageSize, param = "page" } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new KilnError(catalog.PaginateInvalid({ problem: `pageSize is ${String(pageSize)}` }));
  if (!options.base.startsWith("/"))
    throw new KilnError(
      catalog.PaginateInvalid({ problem: `base "${options.base}" does not start with /` }),
    );
  const base = options.base.endsWith("/") ? options.base : `${options.base}/`;
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (n: number) => (n === 1 ? base : `${base}${n}/`);
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const page: Paginated<T> = {
      items: items.slice(i * pageSize, number * pageSize),
      number,
      count,
      total: items.length,
      pageSize,
      url: {
        current: urlOf(number),
        first: urlOf(1),
        last: urlOf(count),
        prev: number > 1 ? urlOf(number - 1) : undefined,
        next: number < count ? urlOf(number + 1) : undefined,
      },
    };
    return {
      params: { ...options.params, [param]: number === 1 ? "" : String(number) },
      props: { ...options.props, page },
    };
  });
}
