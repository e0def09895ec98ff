import type { MarkdownIt } from "markdown-it";
import { highlightCode, isPlainLanguage } from "./highlight.js";
import type { RelativeLinksEnv } from "./relative-links.js";

export interface HighlightFencesOptions {
  /** Told about a fence in a language highlight.js does not know (it renders plain). */
  warn?: ((message: string) => void) | undefined;
}

/**
 * Fenced code in a known language becomes `<pre><code class="hljs language-ts">` with
 * highlight.js's class names inside; other fences render as markdown-it renders them. A fence
 * rule rather than markdown-it's `highlight` option, because only the rule knows the fence's
 * line for the warning.
 */
export const highlightFences = (md: MarkdownIt, options: HighlightFencesOptions = {}): void => {
  const plain = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, mdOptions, env, self) => {
    const token = tokens[index]!;
    const lang = md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] ?? "";
    if (isPlainLanguage(lang)) return plain(tokens, index, mdOptions, env, self);
    const html = highlightCode(lang, token.content);
    if (html === undefined) {
      const { source }: RelativeLinksEnv = env ?? {};
      const where = source
        ? `${source.file}${token.map ? `:${source.bodyLine + token.map[0]}` : ""}: `
        : "";
      options.warn?.(
        `${where}no syntax highlighting for the language "${lang}"; the block is shown as plain text.`,
      );
      return plain(tokens, index, mdOptions, env, self);
    }
    return `<pre><code class="hljs language-${md.utils.escapeHtml(lang)}">${html}</code></pre>\n`;
  };
};
