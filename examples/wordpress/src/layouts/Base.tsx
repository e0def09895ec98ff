import type { ComponentChildren } from "preact";
import { Head } from "kiln-ssg";

export default function Base(props: { title: string; children?: ComponentChildren }) {
  return (
    <>
      <Head>
        <title>{`${props.title} · Kiln × WordPress`}</title>
        <link rel="stylesheet" href="/styles.css" />
      </Head>
      <header class="site-header">
        <a href="/">Kiln × WordPress</a>
      </header>
      <main>{props.children}</main>
    </>
  );
}
