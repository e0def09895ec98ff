import { getCollection, renderEntry, type PageProps } from "kiln-ssg";
import Base from "../../layouts/Base";

/** The `glossary` collection on one page, each term with its id for links such as #api. */
export default function Glossary({ url }: PageProps) {
  const terms = [...getCollection("glossary")].sort((a, b) => a.data.order - b.data.order);
  return (
    <Base title="Glossary" description="The words of the JAMstack, briefly." url={url}>
      <article class="prose">
        <h1>Glossary</h1>
        <dl>
          {terms.map((entry) => (
            <div key={entry.id}>
              <dt id={entry.id}>{entry.data.term}</dt>
              <dd dangerouslySetInnerHTML={{ __html: renderEntry(entry).html }} />
            </div>
          ))}
        </dl>
      </article>
    </Base>
  );
}
