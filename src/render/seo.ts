import { h, type ComponentChild, type VNode } from "preact";
import { useContext } from "preact/hooks";
import { Head } from "./head.js";
import { absoluteUrl, PageContext } from "./page-context.js";

export interface SeoProps {
  /** The page's title: `<title>`, `og:title`. @default the site's title */
  title?: string | undefined;
  /** `<meta name="description">`, `og:description`. @default the site's description */
  description?: string | undefined;
  /** An image for link previews, as a path on the site or an absolute URL. */
  image?: string | undefined;
  imageAlt?: string | undefined;
  /** `og:type`. @default "website" */
  type?: "website" | "article" | undefined;
  /** The canonical URL, when it is not this page's own. */
  canonical?: string | undefined;
  /** Keep the page out of search engines (and out of the sitemap). */
  noindex?: boolean | undefined;
  /** Structured data, written as `<script type="application/ld+json">`. */
  jsonLd?: object | undefined;
}

/**
 * The head tags search engines and link previews read, with defaults from `site`: title,
 * description, canonical link (absolute, when `site.url` is set), Open Graph, Twitter card and
 * JSON-LD. Later `<Head>` tags with the same name replace these, so a page can override them.
 */
export function Seo(props: SeoProps): VNode | null {
  const meta = (attributes: Record<string, string>) => h("meta", attributes);
  const page = useContext(PageContext);
  if (!page) return null;
  const { site } = page;
  const title = props.title ?? site.title;
  const description = props.description ?? site.description;
  const canonical = props.canonical ? absoluteUrl(props.canonical, site) : page.absoluteUrl;
  const image = props.image ? (absoluteUrl(props.image, site) ?? props.image) : undefined;
  const tags: ComponentChild[] = [
    h("title", null, title),
    meta({ property: "og:title", content: title }),
    meta({ property: "og:type", content: props.type ?? "website" }),
    meta({ property: "og:site_name", content: site.title }),
    meta({ name: "twitter:card", content: image ? "summary_large_image" : "summary" }),
  ];
  if (description !== undefined) {
    tags.push(meta({ name: "description", content: description }));
    tags.push(meta({ property: "og:description", content: description }));
  }
  if (canonical !== undefined) {
    tags.push(h("link", { rel: "canonical", href: canonical }));
    tags.push(meta({ property: "og:url", content: canonical }));
  }
  if (image !== undefined) {
    tags.push(meta({ property: "og:image", content: image }));
    if (props.imageAlt) tags.push(meta({ property: "og:image:alt", content: props.imageAlt }));
  }
  if (props.noindex) tags.push(meta({ name: "robots", content: "noindex" }));
  if (props.jsonLd !== undefined) {
    tags.push(
      h("script", {
        type: "application/ld+json",
        dangerouslySetInnerHTML: { __html: jsonForScript(props.jsonLd) },
      }),
    );
  }
  return h(Head, null, tags);
}

/**
 * JSON that cannot end its `<script>` or open a comment: `<`, `>` and `&` are written as
 * escapes JSON parsers read back as the same characters; U+2028/2029 too, for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
