import { Head, type PageProps } from "kiln-ssg";

/** src/pages/index.tsx is the page at `/`: a Preact component, rendered to HTML at build time. */
export default function Home({ url }: PageProps) {
  return (
    <>
      <Head>
        <title>My site</title>
        <meta name="description" content="A site built with Kiln." />
        <link rel="stylesheet" href="/styles.css" />
      </Head>
      <main>
        <h1>Hello from Kiln</h1>
        <p>
          This page is <code>src/pages/index.tsx</code> and its URL is <code>{url}</code>. It ships
          no JavaScript: Kiln renders it to HTML when it builds the site.
        </p>
        <p>
          <a href="/about/">About this site</a> is a markdown page, <code>src/pages/about.md</code>.
        </p>
      </main>
    </>
  );
}
