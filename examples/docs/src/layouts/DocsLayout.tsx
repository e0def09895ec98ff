import type { ComponentChildren } from "preact";
import { Head, type Heading } from "kiln-ssg";
import { docGroups, docUrl, editUrl, neighbours, settings, type Doc } from "../docs";

/**
 * Every page of the docs: banner, header with a search form, the sidebar of all pages by
 * group, the page itself, and for a doc its table of contents, previous/next links and an
 * "Edit this page" link. No JavaScript: the search form sends its query to /search/.
 */
export default function DocsLayout(props: {
  title: string;
  description?: string | undefined;
  url: string;
  /** The doc this page shows, if it is one: gives the contents, pager and edit link. */
  doc?: Doc | undefined;
  /** The doc's headings (`renderEntry(doc).toc`) for "On this page". */
  toc?: readonly Heading[] | undefined;
  /** False leaves the page out of the search index (the search page itself). @default true */
  searchable?: boolean;
  children?: ComponentChildren;
}) {
  const { doc, toc = [] } = props;
  const pager = doc ? neighbours(doc) : undefined;
  const edit = doc ? editUrl(doc) : undefined;
  return (
    <>
      <Head>
        <title>{`${props.title} · ${settings.title}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/styles.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </Head>
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <header>
        {settings.banner && (
          <p class={`banner banner-${settings.banner.tone}`}>{settings.banner.text}</p>
        )}
        <div class="site-header">
          <a class="brand" href="/">
            {settings.title}
          </a>
          {props.url !== "/search/" && (
            <form class="header-search" role="search" aria-label="Site" action="/search/">
              <label for="header-search-input" class="visually-hidden">
                Search the docs
              </label>
              <input id="header-search-input" type="search" name="q" placeholder="Search" />
              <button type="submit">Search</button>
            </form>
          )}
        </div>
      </header>
      <div class="docs">
        <nav class="sidebar" aria-label="Documentation">
          {docGroups().map((group) => (
            <div class="sidebar-group" key={group.name ?? ""}>
              {group.name && <p class="sidebar-group-name">{group.name}</p>}
              <ul>
                {group.docs.map((entry) => {
                  const href = docUrl(entry);
                  return (
                    <li key={entry.id}>
                      <a href={href} aria-current={props.url === href ? "page" : undefined}>
                        {entry.data.title}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </nav>
        <main id="content" data-pagefind-body={props.searchable === false ? undefined : true}>
          {props.children}
          {pager && (pager.previous || pager.next) && (
            <nav class="pager" aria-label="Previous and next pages" data-pagefind-ignore>
              {pager.previous && (
                <a class="pager-previous" href={docUrl(pager.previous)} rel="prev">
                  <span>Previous</span> {pager.previous.data.title}
                </a>
              )}
              {pager.next && (
                <a class="pager-next" href={docUrl(pager.next)} rel="next">
                  <span>Next</span> {pager.next.data.title}
                </a>
              )}
            </nav>
          )}
          {edit && (
            <p class="edit-link" data-pagefind-ignore>
              <a href={edit}>Edit this page</a>
            </p>
          )}
        </main>
        {toc.length > 1 && (
          <nav class="toc" aria-label="On this page" data-pagefind-ignore>
            <p class="toc-title">On this page</p>
            <ul>
              {toc.map((heading) => (
                <li key={heading.id} class={`toc-depth-${heading.depth}`}>
                  <a href={`#${heading.id}`}>{heading.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <footer class="site-footer">
        <p>
          Built with <a href="https://www.npmjs.com/package/kiln-ssg">Kiln</a>.
        </p>
      </footer>
    </>
  );
}
