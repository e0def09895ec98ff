import GithubSlugger from "github-slugger";
import type { MarkdownIt, StateCore, Token } from "markdown-it";

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-style slug, unique within the document (`setup`, `setup-1`). */
  id: string;
}

/** Environment markdown-it threads through one render; headings are collected into it. */
export interface MarkdownEnv {
  headings?: Heading[];
  [key: PropertyKey]: unknown;
}

export interface HeadingIdsOptions {
  /** Append `<a class="heading-anchor" href="#id">` to each heading. */
  anchors: boolean;
}

/**
 * Gives every heading a stable id and records it for tables of contents. The slugs are
 * GitHub's (github-slugger), so links written against a README on GitHub keep working.
 */
export const headingIds = (md: MarkdownIt, options: HeadingIdsOptions): void => {
  md.core.ruler.push("kiln_heading_ids", (state) => {
    const slugger = new GithubSlugger();
    const env = state.env as MarkdownEnv;
    const headings: Heading[] = (env.headings = []);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      if (open.type !== "heading_open") continue;
      const inline = tokens[i + 1]!;
      const text = (inline.children ?? [])
        .filter((t) => t.type === "text" || t.type === "code_inline")
        .map((t) => t.content)
        .join("");
      const id = String(open.attrGet("id") ?? slugger.slug(text));
      open.attrSet("id", id);
      headings.push({ depth: Number(open.tag.slice(1)), text, id });
      if (options.anchors) appendAnchor(state, inline, id, text);
    }
  });
};

/** The anchor follows the text, so screen readers read the heading first; it names itself. */
function appendAnchor(state: StateCore, inline: Token, id: string, text: string): void {
  const space = new state.Token("text", "", 0);
  space.content = " ";
  const open = new state.Token("link_open", "a", 1);
  open.attrs = [
    ["class", "heading-anchor"],
    ["href", `#${id}`],
    ["aria-label", `Link to ${text}`],
  ];
  const mark = new state.Token("text", "", 0);
  mark.content = "#";
  const close = new state.Token("link_close", "a", -1);
  (inline.children ??= []).push(space, open, mark, close);
}

/** Headings from depth 2 to `maxDepth`: the page title (h1) is not in its own contents. */
export function selectToc(headings: readonly Heading[], maxDepth: number): Heading[] {
  return headings.filter((h) => h.depth >= 2 && h.depth <= maxDepth);
}
