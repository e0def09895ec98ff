import GithubSlugger from "github-slugger";
import remarkGfm from "remark-gfm";
import { KilnError, catalog } from "../errors/index.js";
import type { Heading } from "./heading-ids.js";
import {
  NOT_RELATIVE,
  rewriteHref,
  type ResolveMarkdownUrl,
  type SourceLocation,
} from "./relative-links.js";

/** The parts of a hast tree this file reads; hast's own types are not a dependency. */
interface HastNode {
  type: string;
  position?: { start: { line: number; column: number } };
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Compiles an MDX body (front matter already split off) to an ES module for Preact: its
 * default export is the content component; `frontmatter`, `headings` are exported beside it.
 * Headings get the same GitHub-style ids as in markdown. A syntax error is a KilnError at the
 * file's own line and column.
 */
export async function compileMdx(
  body: string,
  frontmatter: Record<string, unknown>,
  source: SourceLocation,
  /** Where links to markdown pages point. */
  resolveUrl: ResolveMarkdownUrl | undefined,
): Promise<string> {
  const { compile } = await import("@mdx-js/mdx");
  const headings: Heading[] = [];
  let code: string;
  try {
    const file = await compile(
      { value: body, path: source.file },
      {
        jsxImportSource: "preact",
        remarkPlugins: [remarkGfm],
        rehypePlugins: [
          () => (tree: HastNode) => {
            addHeadingIds(tree, headings);
            rewriteLinks(tree, source, resolveUrl);
          },
        ],
      },
    );
    code = String(file);
  } catch (error) {
    if (KilnError.is(error)) throw error;
    throw toCompileError(error, source);
  }
  return `${code}
export const frontmatter = ${JSON.stringify(frontmatter)};
export const headings = ${JSON.stringify(headings)};
`;
}

function addHeadingIds(tree: HastNode, headings: Heading[]): void {
  const slugger = new GithubSlugger();
  const visit = (node: HastNode) => {
    const depth = /^h([1-6])$/.exec(node.tagName ?? "")?.[1];
    if (node.type === "element" && depth) {
      const text = textOf(node);
      const properties = (node.properties ??= {});
      const id = typeof properties.id === "string" ? properties.id : slugger.slug(text);
      properties.id = id;
      headings.push({ depth: Number(depth), text, id });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
}

function textOf(node: HastNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/**
 * micromark reports where it noticed the problem (often the paragraph's start); the range in
 * its reason, `(5:1-5:7)`, is the offending tag. Both are body lines: shift them to the file's.
 */
function toCompileError(error: unknown, source: SourceLocation): KilnError {
  const place = error as { line?: number; column?: number; reason?: string; message?: string };
  const shift = source.bodyLine - 1;
  let reason = place.reason ?? place.message ?? String(error);
  let line = place.line;
  let column = place.column;
  const range = /\((\d+):(\d+)-(\d+):(\d+)\)/.exec(reason);
  if (range) {
    line = Number(range[1]);
    column = Number(range[2]);
    reason = reason.replace(
      range[0],
      `(${line + shift}:${range[2]}-${Number(range[3]) + shift}:${range[4]})`,
    );
  }
  const location =
    typeof line === "number"
      ? { file: source.file, line: line + shift, column: column ?? 1 }
      : { file: source.file };
  return new KilnError(catalog.MdxCompile({ reason }), location, { cause: error });
}

/** `[x](./other.mdx)` → the other page's URL, as in markdown (relative-links.ts). */
function rewriteLinks(
  tree: HastNode,
  source: SourceLocation,
  resolveUrl: ResolveMarkdownUrl | undefined,
): void {
  const visit = (node: HastNode) => {
    const href = node.tagName === "a" ? node.properties?.href : undefined;
    if (typeof href === "string" && !NOT_RELATIVE.test(href)) {
      const start = node.position?.start;
      const where = () =>
        start
          ? { line: start.line + source.bodyLine - 1, column: start.column }
          : { line: source.bodyLine };
      const rewritten = rewriteHref(href, { source, resolveUrl }, where);
      if (rewritten !== undefined) node.properties!.href = rewritten;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
}
