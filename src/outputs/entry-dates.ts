import type { PluginRoute } from "../plugins/index.js";

const DATE_FIELDS = ["lastmod", "updated", "modified", "date", "published"] as const;

/** The entries a route's props carry (`props: { post }`), found by shape: `{ collection, data }`. */
export function entriesOf(route: PluginRoute): Record<string, unknown>[] {
  return Object.values(route.props).flatMap((value) => {
    const entry = value as { collection?: unknown; data?: Record<string, unknown> | null } | null;
    return typeof entry === "object" &&
      entry !== null &&
      typeof entry.collection === "string" &&
      typeof entry.data === "object" &&
      entry.data !== null
      ? [entry.data]
      : [];
  });
}

/**
 * The years RFC 3339 (sitemap, Atom, JSON Feed) and RFC 822 (RSS) can write: four digits.
 * A JavaScript date reaches ±275,760, which no reader parses.
 */
const EARLIEST = Date.parse("0001-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

/** Told of a date field no sitemap or feed can write: which field, and its value. */
export type DateProblem = (field: string, value: unknown) => void;

/**
 * A field's value as a date a sitemap or feed can write: a Date, an ISO string or a number of
 * milliseconds; undefined when it is none, or (told to `problem`) outside years 1–9999.
 */
export function writableDate(
  value: unknown,
  field: string,
  problem: DateProblem = () => {},
): Date | undefined {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "string" || typeof value === "number") date = new Date(value);
  const time = date?.getTime();
  if (time === undefined || Number.isNaN(time)) return undefined;
  if (time < EARLIEST || time > LATEST) {
    problem(field, value);
    return undefined;
  }
  return date;
}

/** Text for a warning about a date no sitemap or feed can write. */
export function describeDateProblem(where: string, field: string, value: unknown): string {
  const shown = value instanceof Date ? `${value.getTime()} ms` : JSON.stringify(value);
  return `${where}: \`${field}\` (${shown}) is outside the years 1–9999 that sitemaps and feeds can write; it is left out.`;
}

/** When a page last changed, from its entry's `lastmod`/`updated`/…/`date` field, if any. */
export function lastModified(route: PluginRoute, problem?: DateProblem): Date | undefined {
  for (const data of [route.data, ...entriesOf(route)]) {
    for (const field of DATE_FIELDS) {
      const date = writableDate(data[field], field, problem);
      if (date) return date;
    }
  }
  return undefined;
}

/** `noindex: true` in the page's front matter, entry data or props keeps it out of the sitemap. */
export function isNoindex(route: PluginRoute): boolean {
  return (
    route.props["noindex"] === true ||
    [route.data, ...entriesOf(route)].some((d) => d["noindex"] === true)
  );
}
