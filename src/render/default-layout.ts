import { Fragment, h, type VNode } from "preact";
import type { Heading } from "../markdown/index.js";
import { Head } from "./head.js";

/** What a layout named in a markdown page's front matter receives. */
export interface MarkdownLayoutProps {
  frontmatter: Record<string, unknown>;
  /** The rendered body. Local markdown is trusted, so layouts inject it as it is. */
  html: string;
  headings: Heading[];
  /** Headings from h2 to the config's `markdown.tocDepth`, for a table of contents. */
  toc: Heading[];
  url: string;
}

/** For markdown pages that name no layout: the title, the description, the body. */
export function DefaultLayout(props: MarkdownLayoutProps): VNode {
  const { title, description } = props.frontmatter;
  return h(
    Fragment,
    null,
    h(
      Head,
      null,
      typeof title === "string" ? h("title", null, title) : null,
      typeof description === "string"
        ? h("meta", { name: "description", content: description })
        : null,
    ),
    h("main", null, h("article", { dangerouslySetInnerHTML: { __html: props.html } })),
  );
}
