import type { ComponentChildren } from "preact";
import { Head } from "kiln-ssg";
import { sortedDocs } from "../docs";

/** Every docs page: the sidebar of all pages beside the page's own content. */
export default function DocsLayout(props: {
  title: string;
  description?: string | undefined;
  url: string;
  children?: ComponentChildren;
}) {
  return (
    <>
      <Head>
        <title>{`${props.title} · My project's docs`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/styles.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </Head>
      <header class="site-header">
        <a href="/">My project's docs</a>
      </header>
      <div class="docs">
        <nav class="sidebar" aria-label="Documentation">
          <ul>
            {sortedDocs().map((doc) => {
              const href = `/${doc.id}/`;
              return (
                <li key={doc.id}>
                  <a href={href} aria-current={props.url === href ? "page" : undefined}>
                    {doc.data.title}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <main>{props.children}</main>
      </div>
    </>
  );
}
