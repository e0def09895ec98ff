import type { MarkdownIt, Token } from "markdown-it";
import type { RelativeLinksEnv } from "./relative-links.js";
import type { CodeBlock } from "./highlight.js";

/** A fence can only open a line, after up to three spaces (more inside list items). */
const MAY_HAVE_FENCE = /^[ \t>*+\-\d.]*(?:```|~~~)/m;

/**
 * The fenced code blocks of a document, as markdown-it will see them: block parsing is the
 * only way to know a fence from a line that merely starts with backticks, or to know what a
 * fence in a list or a quote holds. Documents without a fence marker are not parsed at all.
 */
export function collectCodeBlocks(
  md: MarkdownIt,
  source: string,
  context: Pick<RelativeLinksEnv, "source" | "resolveUrl">,
): CodeBlock[] {
  if (!MAY_HAVE_FENCE.test(source)) return [];
  const env: RelativeLinksEnv = { ...context };
  const blocks: CodeBlock[] = [];
  // The block stage alone finds every fence, with the content markdown-it will render; the
  // inline stage, most of the cost of parsing, is skipped. Normalised as markdown-it's own
  // first core rule does, so the code matches what `render()` sees.
  const tokens: Token[] = [];
  md.block.parse(source.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD"), md, env, tokens);
  for (const token of tokens) {
    if (token.type !== "fence") continue;
    const lang = md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] ?? "";
    if (lang === "") continue;
    blocks.push({
      lang,
      code: token.content,
      file: context.source?.file,
      line: context.source && token.map ? context.source.bodyLine + token.map[0] : undefined,
    });
  }
  return blocks;
}
