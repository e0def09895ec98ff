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

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** When a page last changed, from its entry's `lastmod`/`updated`/…/`date` field, if any. */
export function lastModified(route: PluginRoute): Date | undefined {
  for (const data of [route.data, ...entriesOf(route)]) {
    for (const field of DATE_FIELDS) {
      const date = toDate(data[field]);
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
