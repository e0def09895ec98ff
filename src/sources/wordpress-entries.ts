import { htmlToText, sanitizeHtml, type SanitizeOptions } from "./sanitize-html.js";
import { safeUrl } from "./safe-url.js";

export const WORDPRESS_KINDS = [
  "posts",
  "pages",
  "categories",
  "tags",
  "authors",
  "media",
] as const;
export type WordpressKind = (typeof WORDPRESS_KINDS)[number];

type Raw = Record<string, unknown>;

export interface WordpressTerm {
  wpId: number;
  slug: string;
  name: string;
  description: string;
  link: string;
  count: number;
}

export interface WordpressAuthor {
  wpId: number;
  slug: string;
  name: string;
  description: string;
  link: string;
  url: string;
}

export interface WordpressMedia {
  wpId: number;
  slug: string;
  title: string;
  url: string;
  alt: string;
  /** Sanitized HTML. */
  caption: string;
  mimeType: string;
  width: number | null;
  height: number | null;
}

/** The data of a post or page entry: HTML fields sanitized, relations as objects. */
export interface WordpressPost {
  wpId: number;
  slug: string;
  /** Plain text, entities decoded. */
  title: string;
  /** ISO 8601 UTC. */
  date: string;
  modified: string;
  link: string;
  /** Sanitized HTML. */
  excerpt: string;
  /** Sanitized HTML. */
  content: string;
  author: WordpressAuthor | null;
  categories: WordpressTerm[];
  tags: WordpressTerm[];
  featuredImage: WordpressMedia | null;
  sticky: boolean;
  /** Pages only: the parent page's slug. */
  parent: string | null;
}

interface Item {
  id: string;
  data: Record<string, unknown>;
}

/** Every kind's entries, with the relations between them resolved. */
export function toWordpressEntries(
  raw: Record<WordpressKind, Raw[]>,
  sanitize: SanitizeOptions | false | undefined,
): Record<WordpressKind, Item[]> {
  const html = (value: unknown) =>
    sanitize === false ? rendered(value) : sanitizeHtml(rendered(value), sanitize ?? {});
  const categories = byId(raw.categories.map(toTerm));
  const tags = byId(raw.tags.map(toTerm));
  const authors = byId(raw.authors.map(toAuthor));
  const media = byId(raw.media.map((m) => toMedia(m, html)));
  const pageSlugs = new Map(raw.pages.map((p) => [Number(p["id"]), String(p["slug"])]));
  const toPost = (post: Raw): WordpressPost => ({
    wpId: Number(post["id"]),
    slug: String(post["slug"]),
    title: htmlToText(rendered(post["title"])),
    date: gmt(post["date_gmt"]),
    modified: gmt(post["modified_gmt"]),
    link: linkOf(post["link"]),
    excerpt: html(post["excerpt"]),
    content: html(post["content"]),
    author: authors.get(Number(post["author"])) ?? null,
    categories: ids(post["categories"]).flatMap((id) => categories.get(id) ?? []),
    tags: ids(post["tags"]).flatMap((id) => tags.get(id) ?? []),
    featuredImage: media.get(Number(post["featured_media"])) ?? null,
    sticky: post["sticky"] === true,
    parent: pageSlugs.get(Number(post["parent"])) ?? null,
  });
  // WordPress stores non-ASCII slugs percent-encoded; the id (and so the URL) is the text.
  const entry = (data: { slug: string }): Item => ({
    id: decodeSlug(data.slug),
    data: { ...data },
  });
  return {
    posts: raw.posts.filter(isPublic).map(toPost).map(entry),
    pages: raw.pages.filter(isPublic).map(toPost).map(entry),
    categories: [...categories.values()].map(entry),
    tags: [...tags.values()].map(entry),
    authors: [...authors.values()].map(entry),
    media: [...media.values()].map(entry),
  };
}

/**
 * Published and not password-protected. The API gives anonymous clients only published
 * posts, but a source with credentials could see more: never publish those.
 */
function isPublic(post: Raw): boolean {
  const content = post["content"] as Raw | undefined;
  const excerpt = post["excerpt"] as Raw | undefined;
  return (
    (post["status"] === undefined || post["status"] === "publish") &&
    content?.["protected"] !== true &&
    excerpt?.["protected"] !== true
  );
}

function toTerm(term: Raw): WordpressTerm {
  return {
    wpId: Number(term["id"]),
    slug: String(term["slug"]),
    name: htmlToText(String(term["name"] ?? "")),
    description: String(term["description"] ?? ""),
    link: linkOf(term["link"]),
    count: Number(term["count"] ?? 0),
  };
}

function toAuthor(user: Raw): WordpressAuthor {
  return {
    wpId: Number(user["id"]),
    slug: String(user["slug"]),
    name: htmlToText(String(user["name"] ?? "")),
    description: String(user["description"] ?? ""),
    link: linkOf(user["link"]),
    url: linkOf(user["url"]),
  };
}

function toMedia(item: Raw, html: (value: unknown) => string): WordpressMedia {
  const details = (item["media_details"] ?? {}) as Raw;
  return {
    wpId: Number(item["id"]),
    slug: String(item["slug"]),
    title: htmlToText(rendered(item["title"])),
    url: linkOf(item["source_url"]),
    alt: String(item["alt_text"] ?? ""),
    caption: html(item["caption"]),
    mimeType: String(item["mime_type"] ?? ""),
    width: typeof details["width"] === "number" ? details["width"] : null,
    height: typeof details["height"] === "number" ? details["height"] : null,
  };
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function byId<T extends { wpId: number }>(items: T[]): Map<number, T> {
  return new Map(items.map((item) => [item.wpId, item]));
}

function rendered(field: unknown): string {
  if (typeof field === "string") return field;
  const value = (field as Raw | undefined)?.["rendered"];
  return typeof value === "string" ? value : "";
}

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : [];
}

/** WordPress gives GMT times without a zone: `2024-05-01T10:00:00`. */
function gmt(value: unknown): string {
  const text = String(value ?? "");
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(time) ? "" : new Date(time).toISOString();
}

/** A URL field from the CMS, with `javascript:` and other unsafe schemes dropped to "". */
function linkOf(value: unknown): string {
  return safeUrl(String(value ?? "")) ?? "";
}
