import { renderEntry, type PageProps } from "kiln-ssg";
import DocsLayout from "../layouts/DocsLayout";
import { sortedDocs, type Doc } from "../docs";

/** One page per file of src/content/docs/, at /<file name>/. */
export function paths() {
  return sortedDocs().map((doc) => ({ params: { slug: doc.id }, props: { doc } }));
}

type Props = PageProps<{ doc: Doc }>;

export default function DocPage({ doc, url }: Props) {
  const { html, toc } = renderEntry(doc);
  return (
    <DocsLayout
      title={doc.data.title}
      description={doc.data.description}
      url={url}
      doc={doc}
      toc={toc}
    >
      <article>
        <h1>{doc.data.title}</h1>
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </article>
    </DocsLayout>
  );
}
