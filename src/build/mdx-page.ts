import { h, type ComponentType } from "preact";
import { renderToString } from "preact-render-to-string";
import { KilnError, catalog } from "../errors/index.js";
import type { Heading } from "../markdown/index.js";

/** What an `.mdx` page's compiled module exports (see markdown/compile-mdx.ts). */
interface MdxModule {
  default?: unknown;
  frontmatter?: Record<string, unknown>;
  headings?: Heading[];
}

export interface MdxPageContent {
  frontmatter: Record<string, unknown>;
  html: string;
  headings: Heading[];
}

/**
 * Renders an MDX page's content to HTML, once, with the components its layout exports as
 * `components` (`<Note>` in the MDX → `components.Note`). The HTML then goes to the layout
 * exactly as a markdown page's does.
 */
export function renderMdxPage(
  module: MdxModule,
  components: unknown,
  file: string,
): MdxPageContent {
  const Content = module.default as ComponentType<{ components?: unknown }>;
  let html: string;
  try {
    html = renderToString(h(Content, { components: components ?? {} }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KilnError(catalog.MdxRender({ reason }), { file }, { cause: error });
  }
  return { frontmatter: module.frontmatter ?? {}, html, headings: module.headings ?? [] };
}
