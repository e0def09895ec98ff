import type { PageProps } from "kiln-ssg";
import DocsLayout from "../layouts/DocsLayout";
import { sortedDocs } from "../docs";

export default function Home({ url }: PageProps) {
  return (
    <DocsLayout title="Documentation" url={url}>
      <h1>Documentation</h1>
      <p>Everything about the project, one page per topic.</p>
      <ul>
        {sortedDocs().map((doc) => (
          <li key={doc.id}>
            <a href={`/${doc.id}/`}>{doc.data.title}</a>
            {doc.data.description && ` — ${doc.data.description}`}
          </li>
        ))}
      </ul>
    </DocsLayout>
  );
}
