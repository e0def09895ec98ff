import type { FeedItem } from "./feed-items.js";
import { escapeXml, stripXmlForbidden } from "./xml-escape.js";

export interface FeedMeta {
  title: string;
  description: string;
  /** The site's home page, absolute. */
  home: string;
  lang: string;
  /** Absolute URLs of the three files, each feed names itself. */
  rss: string;
  atom: string;
  json: string;
}

/**
 * `]]>` cannot appear inside CDATA: split it across two sections. CDATA escapes nothing, so
 * characters XML forbids (a vertical tab in a post) are dropped here too.
 */
function cdata(html: string): string {
  return `<![CDATA[${stripXmlForbidden(html).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

function newest(items: readonly FeedItem[]): Date {
  return items.reduce((max, i) => (i.updated > max ? i.updated : max), new Date(0));
}

export function rss(meta: FeedMeta, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link>` +
      `<guid isPermaLink="true">${escapeXml(item.id)}</guid><pubDate>${item.published.toUTCString()}</pubDate>` +
      (item.summary ? `<description>${escapeXml(item.summary)}</description>` : "") +
      (item.html ? `<content:encoded>${cdata(item.html)}</content:encoded>` : "") +
      `</item>\n`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>` +
    `<title>${escapeXml(meta.title)}</title><link>${escapeXml(meta.home)}</link>` +
    `<description>${escapeXml(meta.description)}</description><language>${escapeXml(meta.lang)}</language>` +
    `<lastBuildDate>${newest(items).toUTCString()}</lastBuildDate>` +
    `<atom:link href="${escapeXml(meta.rss)}" rel="self" type="application/rss+xml"/>\n` +
    `${entries.join("")}</channel>\n</rss>\n`
  );
}

export function atom(meta: FeedMeta, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) =>
      `<entry><title type="text">${escapeXml(item.title)}</title>` +
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/><id>${escapeXml(item.id)}</id>` +
      `<published>${item.published.toISOString()}</published><updated>${item.updated.toISOString()}</updated>` +
      (item.summary ? `<summary type="text">${escapeXml(item.summary)}</summary>` : "") +
      (item.html ? `<content type="html">${escapeXml(item.html)}</content>` : "") +
      `</entry>\n`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(meta.lang)}">\n` +
    `<title type="text">${escapeXml(meta.title)}</title><subtitle type="text">${escapeXml(meta.description)}</subtitle>` +
    `<id>${escapeXml(meta.home)}</id><link rel="alternate" type="text/html" href="${escapeXml(meta.home)}"/>` +
    `<link rel="self" type="application/atom+xml" href="${escapeXml(meta.atom)}"/>` +
    `<updated>${newest(items).toISOString()}</updated><author><name>${escapeXml(meta.title)}</name></author>\n` +
    `${entries.join("")}</feed>\n`
  );
}

export function jsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  return (
    JSON.stringify(
      {
        version: "https://jsonfeed.org/version/1.1",
        title: meta.title,
        home_page_url: meta.home,
        feed_url: meta.json,
        description: meta.description,
        language: meta.lang,
        items: items.map((item) => ({
          id: item.id,
          url: item.url,
          title: item.title,
          ...(item.summary ? { summary: item.summary } : {}),
          // JSON Feed requires one of content_html and content_text.
          ...(item.html
            ? { content_html: item.html }
            : { content_text: item.summary ?? item.title }),
          date_published: item.published.toISOString(),
          date_modified: item.updated.toISOString(),
        })),
      },
      null,
      2,
    ) + "\n"
  );
}
