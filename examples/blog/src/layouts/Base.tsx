import type { ComponentChildren } from "preact";
import { Head } from "kiln-ssg";
import { SiteHeader } from "../components/SiteHeader";

export default function Base(props: {
  title: string;
  description?: string;
  url: string;
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
      <main class="container">{props.children}</main>
      <footer class="site-footer container">
        <p>
          Built with Kiln. Content licensed CC BY 4.0. <a href="/about/">About this site</a>
        </p>
      </footer>
    </>
  );
}
