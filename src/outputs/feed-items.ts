import { describeOrigin, type Entry } from "../content/index.js";
import type { PluginRoute } from "../plugins/index.js";
import { absolutizeHtml } from "./absolute-urls.js";
import { describeDateProblem, writableDate, type DateProblem } from "./entry-dates.js";
import { absoluteUrl, stripXmlForbidden } from "./xml-escape.js";

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  published: Date;
  updated: Date;
  summary: string | undefined;
  /** HTML with absolute URLs; undefined for summary-only feeds. */
  html: string | undefined;
}

function dateOf(
  data: Record<string, unknown>,
  fields: readonly string[],
  problem: DateProblem,
): Date | undefined {
  for (const field of fields) {
    const date = writableDate(data[field], field, problem);
    if (date) return date;
  }
  return undefined;
}

/** A text field; what XML forbids is dropped here, so all three formats say the same. */
function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? stripXmlForbidden(value) : undefined;
}

/** The page each entry is shown on: the route whose props carry it. */
export function entryUrls(routes: readonly PluginRoute[], collection: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const route of routes) {
    for (const value of Object.values(route.props)) {
      const entry = value as Partial<Entry> | null;
      if (typeof entry === "object" && entry?.collection === collection && entry.id) {
        if (!urls.has(entry.id)) urls.set(entry.id, route.url);
      }
    }
  }
  return urls;
}

/**
 * A collection's entries as feed items, newest first: only entries that have a page and a
 * date, never drafts. `render` gives an entry's body HTML (full-content feeds).
 */
export function feedItems(options: {
  siteUrl: string;
  entries: readonly Entry[];
  routes: readonly PluginRoute[];
  collection: string;
  limit: number;
  render: ((entry: Entry) => string) | undefined;
  /** The summary of an entry whose data gives none: its body's excerpt. */
  excerpt?: ((entry: Entry) => string) | undefined;
  /** Told of a date no feed can write, with the entry it is in. */
  warn?: ((message: string) => void) | undefined;
}): FeedItem[] {
  const urls = entryUrls(options.routes, options.collection);
  const items: FeedItem[] = [];
  for (const entry of options.entries) {
    const data = entry.data;
    const path = urls.get(entry.id);
    const problem: DateProblem = (field, value) =>
      options.warn?.(
        describeDateProblem(
          `${entry.collection}/${entry.id} (${describeOrigin(entry.origin)})`,
          field,
          value,
        ),
      );
    const published = dateOf(data, ["date", "published", "pubDate"], problem);
    if (!path || !published || data["draft"] === true) continue;
    const url = absoluteUrl(options.siteUrl, path);
    items.push({
      id: url,
      url,
      title: text(data["title"]) ?? stripXmlForbidden(entry.id),
      published,
      updated: dateOf(data, ["updated", "lastmod", "modified"], problem) ?? published,
      summary:
        text(data["description"]) ??
        text(data["summary"]) ??
        text(data["excerpt"]) ??
        (stripXmlForbidden(options.excerpt?.(entry) ?? "") || undefined),
      html: options.render
        ? stripXmlForbidden(absolutizeHtml(options.render(entry), url))
        : undefined,
    });
  }
  items.sort((a, b) => b.published.getTime() - a.published.getTime() || (a.url < b.url ? -1 : 1));
  return items.slice(0, options.limit);
}
