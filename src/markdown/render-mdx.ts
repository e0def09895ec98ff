import { h, type ComponentType } from "preact";
import { renderToString } from "preact-render-to-string";
import { KilnError, catalog } from "../errors/index.js";
import type { Heading } from "./heading-ids.js";

/** What a compiled `.mdx` file's module exports (see compile-mdx.ts). */
export interface MdxModule {
  default?: unknown;
  frontmatter?: Record<string, unknown>;
  headings?: Heading[];
}

export interface MdxContent {
  frontmatter: Record<string, unknown>;
  html: string;
  headings: Heading[];
}

/**
 * Renders compiled MDX to HTML with the components given (`<Note>` in the MDX →
 * `components.Note`): the config's `markdown.mdxComponents` (`shared`), then for a page those
 * its layout exports as `components`, for an entry those the page passes to `renderEntry()`.
 * The HTML then goes where a markdown body's does.
 */
export function renderMdx(
  module: MdxModule,
  components: unknown,
  file: string,
  shared: Readonly<Record<string, unknown>> = {},
): MdxContent {
  const Content = module.default as ComponentType<{ components?: unknown }>;
  let html: string;
  try {
    const all = { ...shared, ...(components as Record<string, unknown> | undefined) };
    html = renderToString(h(Content, { components: all }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KilnError(catalog.MdxRender({ reason }), { file }, { cause: error });
  }
  return { frontmatter: module.frontmatter ?? {}, html, headings: module.headings ?? [] };
}
