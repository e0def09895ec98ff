import { getCollection, type Entry, type PageProps, type WordpressPost } from "kiln-ssg";
import Base from "../layouts/Base";

export function paths() {
  return (getCollection("pages") as Entry<WordpressPost>[]).map((page) => ({
    params: { page: page.id },
    props: { page },
  }));
}

export default function WordpressPage({ page }: PageProps<{ page: Entry<WordpressPost> }>) {
  return (
    <Base title={page.data.title}>
      <h1>{page.data.title}</h1>
      <div class="content" dangerouslySetInnerHTML={{ __html: page.data.content }} />
    </Base>
  );
}
