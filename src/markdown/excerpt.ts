import type { Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";

/** About as long as Gatsby's `excerpt` (pruneLength 140) and a search result's snippet. */
const EXCERPT_LENGTH = 140;

/** Elements whose text is no part of a summary: titles, code, media, scripts. */
const LEFT_OUT = new Set([
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "figure",
  "figcaption",
  "picture",
  "img",
  "table",
  "script",
  "style",
  "template",
  "svg",
  "nav",
  "aside",
]);

/** Elements that end a run of text: the words on either side are not joined. */
const BLOCK = new Set([
  "p",
  "li",
  "div",
  "blockquote",
  "br",
  "dd",
  "dt",
  "section",
  "article",
  "ul",
  "ol",
  "hr",
]);

/**
 * The plain-text start of a rendered entry, for lists and feeds of entries without a
 * `description`: the text before a `<!-- more -->` comment when there is one, else the
 * first words of the prose (headings, code and images left out), cut at a word under
 * 140 characters with "…".
 */
export function excerptOf(html: string, length = EXCERPT_LENGTH): string {
  const tree = fromHtml(html, { fragment: true });
  const parts: string[] = [];
  const more = collect(tree, parts);
  const text = parts.join("").replace(/\s+/g, " ").trim();
  if (more || text.length <= length) return text;
  const cut = text.slice(0, length + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut.slice(0, length)).replace(/[\s,;:.!?-]+$/, "")}…`;
}

/** Pushes the text of `node` into `parts`; true once a `<!-- more -->` comment is met. */
function collect(node: Nodes | Root, parts: string[]): boolean {
  if (node.type === "comment") return node.value.trim().toLowerCase() === "more";
  if (node.type === "text") {
    parts.push(node.value);
    return false;
  }
  if (node.type === "element" && LEFT_OUT.has(node.tagName)) return false;
  const block = node.type === "element" && BLOCK.has(node.tagName);
  if (block) parts.push(" ");
  if ("children" in node) for (const child of node.children) if (collect(child, parts)) return true;
  if (block) parts.push(" ");
  return false;
}
