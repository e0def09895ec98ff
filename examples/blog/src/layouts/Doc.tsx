import type { MarkdownLayoutProps } from "kiln-ssg";
import Base from "./Base";

/** Markdown pages with `layout: Doc`: a title, a table of contents, the body. */
export default function Doc({ frontmatter, html, headings, url }: MarkdownLayoutProps) {
  const title = String(frontmatter.title ?? "Untitled");
  const contents = headings.filter((h) => h.depth === 2);
  const showContents = contents.length > 1 && frontmatter.disableTableOfContents !== true;
  return (
    <Base title={title} description={frontmatter.description as string | undefined} url={url}>
      <article class="prose">
        <h1>{title}</h1>
        {showContents && (
          <nav class="toc" aria-label="Contents">
            <ol>
              {contents.map((h) => (
                <li key={h.id}>
                  <a href={`#${h.id}`}>{h.text}</a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </article>
    </Base>
  );
}
