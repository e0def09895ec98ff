import GithubSlugger from "github-slugger";
import type { MarkdownIt } from "markdown-it";

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

/** Gives every heading a stable id and records it for tables of contents. */
export const headingIds = (md: MarkdownIt): void => {
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
    }
  });
};
