import { getCollection, type Entry, type PageProps, type WordpressAuthor } from "kiln-ssg";
import Base from "../../layouts/Base";
import { allPosts } from "../../wordpress";

export function paths() {
  return (getCollection("authors") as Entry<WordpressAuthor>[]).map((author) => ({
    params: { slug: author.id },
    props: { author },
  }));
}

export default function AuthorPage({ author }: PageProps<{ author: Entry<WordpressAuthor> }>) {
  const posts = allPosts().filter((post) => post.data.author?.slug === author.id);
  return (
    <Base title={author.data.name}>
      <h1>{author.data.name}</h1>
      <p>{author.data.description}</p>
      <ul class="post-list">
        {posts.map((post) => (
          <li>
            <a href={`/posts/${post.id}/`}>{post.data.title}</a>
          </li>
        ))}
      </ul>
    </Base>
  );
}
