import { htmlToText, sanitizeHtml, type SanitizeOptions } from "./sanitize-html.js";
import { safeUrl } from "./safe-url.js";

/** One item of an RSS or Atom feed, the same shape whichever the feed is. */
export interface FeedItem extends Record<string, unknown> {
  id: string;
  /** Plain text, entities decoded. */
  title: string;
  link: string | null;
  /** ISO 8601, or null when the feed gives no date. */
  date: string | null;
  /** Sanitized HTML. */
  summary: string;
  /** Sanitized HTML; the summary when the feed has no full content. */
  content: string;
  author: string | null;
  categories: string[];
}

type Node = Record<string, unknown>;

/** The items of an RSS 2.0, RSS 1.0 (RDF) or Atom document, or undefined if it is none. */
export function readFeed(
  doc: unknown,
  sanitize: SanitizeOptions | false | undefined,
): FeedItem[] | undefined {
  const root = doc as Node;
  const rss = (root["rss"] as Node | undefined)?.["channel"] as Node | undefined;
  if (rss) return list(rss["item"]).map((item) => fromRss(item, sanitize));
  const rdf = root["rdf:RDF"] as Node | undefined;
  if (rdf) return list(rdf["item"]).map((item) => fromRss(item, sanitize));
  const atom = root["feed"] as Node | undefined;
  if (atom) return list(atom["entry"]).map((entry) => fromAtom(entry, sanitize));
  return undefined;
}

/** fast-xml-parser gives one child as an object and several as an array. */
export function list(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) =>
    typeof v === "object" && v !== null ? (v as Node) : { "#text": String(v) },
  );
}

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return text((value as Node)["#text"]);
  return String(value);
}

function html(value: string, sanitize: SanitizeOptions | false | undefined): string {
  return sanitize === false ? value : sanitizeHtml(value, sanitize ?? {});
}

function isoDate(value: string): string | null {
  const time = Date.parse(value);
  return value && !Number.isNaN(time) ? new Date(time).toISOString() : null;
}

function fromRss(item: Node, sanitize: SanitizeOptions | false | undefined): FeedItem {
  const link = safeUrl(text(item["link"])) ?? null;
  const summary = html(text(item["description"]), sanitize);
  const encoded = text(item["content:encoded"]);
  return {
    id: text(item["guid"]) || link || text(item["title"]),
    title: htmlToText(text(item["title"])),
    link,
    date: isoDate(text(item["pubDate"]) || text(item["dc:date"])),
    summary,
    content: encoded ? html(encoded, sanitize) : summary,
    author: text(item["dc:creator"]) || text(item["author"]) || null,
    categories: list(item["category"]).map(text).filter(Boolean),
  };
}

function fromAtom(entry: Node, sanitize: SanitizeOptions | false | undefined): FeedItem {
  const links = list(entry["link"]);
  const alternate = links.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? links[0];
  const link = alternate ? (safeUrl(String(alternate["@href"] ?? "")) ?? null) : null;
  const summary = atomHtml(entry["summary"], sanitize);
  const content = atomHtml(entry["content"], sanitize);
  const author = list(entry["author"])[0];
  return {
    id: text(entry["id"]) || link || text(entry["title"]),
    title: htmlToText(atomText(entry["title"])),
    link,
    date: isoDate(text(entry["published"]) || text(entry["updated"])),
    summary,
    content: content || summary,
    author: author ? text(author["name"]) || null : null,
    categories: list(entry["category"])
      .map((c) => String(c["@term"] ?? text(c)))
      .filter(Boolean),
  };
}

/** Atom text constructs: `type="text"` is plain text, so escape it before it becomes HTML. */
function atomHtml(value: unknown, sanitize: SanitizeOptions | false | undefined): string {
  const type = typeof value === "object" && value !== null ? (value as Node)["@type"] : undefined;
  const raw = text(value);
  if (type === "html" || type === "xhtml") return html(raw, sanitize);
  return raw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function atomText(value: unknown): string {
  const type = typeof value === "object" && value !== null ? (value as Node)["@type"] : undefined;
  const raw = text(value);
  return type === "html" ? raw : raw.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
