import type { ComponentChildren } from "preact";
import { Head } from "kiln-ssg";
import { SiteHeader } from "../components/SiteHeader";

export default function Base(props: {
  title: string;
  description?: string;
  url: string;
  /** False leaves the page out of the search index (the search page itself). @default true */
  searchable?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <>
      <Head>
        <title>{`${props.title} · Kiln Notes`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/styles.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </Head>
      <SiteHeader url={props.url} />
      <main class="container" data-pagefind-body={props.searchable === false ? undefined : true}>
        {props.children}
      </main>
      <footer class="site-footer container">
        <p>
          Built with Kiln. Content licensed CC BY 4.0. <a href="/about/">About this site</a>
        </p>
      </footer>
    </>
  );
}
