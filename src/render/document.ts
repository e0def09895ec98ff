import { escapeAttribute, escapeText } from "./html-escape.js";
import { renderAttributes, type RootAttributes } from "./root-attributes.js";

export interface SiteInfo {
  /** The site's public origin (`https://example.org`), when configured. */
  url?: string | undefined;
  /** The path the site is served under, such as `/docs/`; `/` when at the root. */
  base?: string | undefined;
  title: string;
  lang: string;
  description?: string | undefined;
  /** The config's `site.author`. */
  author?:
    | {
        name: string;
        summary?: string | undefined;
        url?: string | undefined;
        email?: string | undefined;
      }
    | undefined;
  /** The config's `site.social`: profile name → URL. */
  social?: Readonly<Record<string, string>> | undefined;
  /** The config's `site.meta`: the site's own data, typed by the project's `SiteMeta`. */
  meta?: Readonly<Record<string, unknown>> | undefined;
}

export interface DocumentParts {
  site: SiteInfo;
  /** Rendered `<head>` elements from `<Head>`, already de-duplicated, as HTML. */
  headElements: string[];
  /** The page's `<title>` text, when a `<Head>` set one. */
  title: string | undefined;
  hasDescription: boolean;
  body: string;
  /** Attributes of `<html>` and `<body>` from `<Head><html …/><body …/></Head>`. */
  root?: RootAttributes | undefined;
}

/** Wraps a rendered body in a complete HTML5 document; every page gets the same shell. */
export function assembleDocument(parts: DocumentParts): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(parts.title ?? parts.site.title)}</title>`,
  ];
  if (!parts.hasDescription && parts.site.description) {
    head.push(`<meta name="description" content="${escapeAttribute(parts.site.description)}">`);
  }
  head.push(...parts.headElements);
  // The site's (or the page's locale's) lang comes first; a page's own `<html lang>` replaces it.
  const html = new Map<string, string | true>([
    ["lang", parts.site.lang],
    ...(parts.root?.html ?? []),
  ]);
  const body = renderAttributes(parts.root?.body ?? new Map());
  return `<!doctype html>\n<html${renderAttributes(html)}>\n<head>\n${head.join("\n")}\n</head>\n<body${body}>\n${parts.body}\n</body>\n</html>\n`;
}
