import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { safeEmbedUrl, safeSrcset } from "./safe-url.js";

/** What a source lets through on top of the default allowlist. */
export interface SanitizeOptions {
  /** Keep `<iframe>` (embeds): `src` over https only, no script-capable attributes. @default false */
  iframes?: boolean;
  /** More elements to keep, such as `["video", "source"]`. */
  tags?: string[];
  /** More attributes to keep, by element (`"*"` for all), in hast names: `{ video: ["controls"] }`. */
  attributes?: Record<string, string[]>;
}

/**
 * GitHub's allowlist (hast-util-sanitize's default), plus what CMS HTML needs to look right:
 * figures, `class`, responsive image attributes. No scripts, no `on*` handlers, no
 * `javascript:` or `data:` URLs, no forms, no iframes unless allowed, no inline styles.
 * Ids and names get the `user-content-` prefix, so remote HTML cannot clobber globals.
 */
function createSchema(options: SanitizeOptions): Schema {
  const attributes = { ...defaultSchema.attributes };
  const add = (tag: string, names: string[]) => {
    attributes[tag] = [...(attributes[tag] ?? []), ...names];
  };
  add("*", ["className"]);
  add("img", ["srcSet", "sizes", "loading", "decoding"]);
  add("a", ["rel", "target"]);
  const tagNames = [
    ...(defaultSchema.tagNames ?? []),
    "figure",
    "figcaption",
    "cite",
    "mark",
    "small",
  ];
  const protocols = { ...defaultSchema.protocols };
  if (options.iframes) {
    tagNames.push("iframe");
    add("iframe", ["src", "title", "allow", "allowFullScreen", "loading", "referrerPolicy"]);
  }
  tagNames.push(...(options.tags ?? []));
  for (const [tag, names] of Object.entries(options.attributes ?? {})) add(tag, names);
  return {
    ...defaultSchema,
    tagNames,
    attributes,
    protocols,
  };
}

const schemas = new Map<string, Schema>();

/** Remote HTML made safe to place in a page as it is. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const key = JSON.stringify(options);
  let schema = schemas.get(key);
  if (!schema) {
    schema = createSchema(options);
    schemas.set(key, schema);
  }
  const tree = fromHtml(html, { fragment: true });
  return toHtml(checkUrls(sanitize(tree, schema) as Root));
}

/**
 * What the schema's protocol lists cannot express: `srcset` holds many URLs (each is checked,
 * `javascript:` and `data:` candidates are dropped), and an iframe's `src` must be absolute
 * https (not http, not `//host`, which the schema counts as relative): otherwise it goes.
 */
function checkUrls<T extends Root | Element>(node: T): T {
  node.children = node.children.filter((child) => {
    if (child.type !== "element") return true;
    const srcset = child.properties["srcSet"];
    if (srcset !== undefined) {
      const safe = safeSrcset(Array.isArray(srcset) ? srcset.join(", ") : String(srcset));
      if (safe === undefined) delete child.properties["srcSet"];
      else child.properties["srcSet"] = safe;
    }
    if (child.tagName === "iframe" && !safeEmbedUrl(String(child.properties["src"] ?? "")))
      return false;
    checkUrls(child);
    return true;
  });
  return node;
}

/** The text of an HTML fragment, entities decoded: for titles, which CMSs send as HTML. */
export function htmlToText(html: string): string {
  return collectText(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, " ")
    .trim();
}

function collectText(node: Nodes | Root): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && (node.tagName === "script" || node.tagName === "style")) return "";
  if ("children" in node) return node.children.map((child) => collectText(child)).join("");
  return "";
}
