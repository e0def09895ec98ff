import type { PageProps } from "kiln-ssg";
import DocsLayout from "../layouts/DocsLayout";
import { docGroups, docUrl } from "../docs";

export default function Home({ url }: PageProps) {
  return (
    <DocsLayout title="Documentation" url={url}>
      <h1>Documentation</h1>
      <p>Everything about the project, one page per topic.</p>
      {docGroups().map((group) => (
        <section key={group.name ?? ""} aria-label={group.name ?? "Pages"}>
          {group.name && <h2>{group.name}</h2>}
          <ul>
            {group.docs.map((doc) => (
              <li key={doc.id}>
                <a href={docUrl(doc)}>{doc.data.title}</a>
                {doc.data.description && ` — ${doc.data.description}`}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </DocsLayout>
  );
}
