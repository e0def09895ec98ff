import type { MarkdownIt } from "markdown-it";
import type { RelativeLinksEnv } from "./relative-links.js";
import type { CodeBlock } from "./highlight.js";

/** A fence can only open a line, after up to three spaces (more inside list items). */
const MAY_HAVE_FENCE = /^[ \t>*+\-\d.]*(?:```|~~~)/m;

/**
 * The fenced code blocks of a document, as markdown-it will see them: parsing is the only
 * way to know a fence from a line that merely starts with backticks. Documents without a
 * fence marker are not parsed at all.
 */
export function collectCodeBlocks(
  md: MarkdownIt,
  source: string,
  context: Pick<RelativeLinksEnv, "source" | "resolveUrl">,
): CodeBlock[] {
  if (!MAY_HAVE_FENCE.test(source)) return [];
  const env: RelativeLinksEnv = { ...context };
  const blocks: CodeBlock[] = [];
  for (const token of md.parse(source, env)) {
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
