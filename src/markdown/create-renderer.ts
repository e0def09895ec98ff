import MarkdownIt from "markdown-it";
import { headingIds, type Heading, type MarkdownEnv } from "./heading-ids.js";

export interface MarkdownOptions {
  /** Allow raw HTML. Local authors are trusted; remote content is not. */
  html: boolean;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
}

export interface MarkdownRenderer {
  render(source: string): RenderedMarkdown;
}

/** markdown-it with GFM tables and strikethrough (built in), autolinks and heading ids. */
export function createMarkdownRenderer(options: MarkdownOptions): MarkdownRenderer {
  const md = new MarkdownIt({ html: options.html, linkify: true, typographer: false });
  md.use(headingIds);
  return {
    render(source) {
      const env: MarkdownEnv = {};
      const html = md.render(source, env);
      return { html, headings: env.headings ?? [] };
    },
  };
}
