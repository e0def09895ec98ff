import type { MarkdownIt, StateBlock } from "markdown-it";
import { KilnError, catalog } from "../errors/index.js";
import type { RelativeLinksEnv } from "./relative-links.js";

/**
 * markdown-it stops parsing blocks nested deeper than `maxNesting` (100) and drops the rest
 * without a word: 10,000 nested list levels rendered 49 items, 10,000 nested blockquotes
 * nothing. The limit stays (deeper recursion would overflow the stack); meeting it with text
 * still to parse is now a located error instead of silent loss.
 */
export function nestingLimit(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level >= md.options.maxNesting && hasText(state, startLine, endLine)) {
      const source = (state.env as RelativeLinksEnv).source;
      const location = source
        ? { file: source.file, line: source.bodyLine + startLine }
        : undefined;
      throw new KilnError(catalog.MarkdownTooDeep({ limit: md.options.maxNesting }), location);
    }
    tokenize(state, startLine, endLine);
  };
}

function hasText(state: StateBlock, startLine: number, endLine: number): boolean {
  for (let line = startLine; line < endLine; line++) if (!state.isEmpty(line)) return true;
  return false;
}
