import { taxonomy, type Entry, type PageProps, type Term } from "kiln-ssg";
import Base from "../../layouts/Base";
import { PostList } from "../../components/PostList";
import { publishedPosts } from "../../posts";

type Post = Entry<{ title: string; date: Date; description: string; tags: string[] }>;

export function paths() {
  return taxonomy(publishedPosts(), (post) => post.data.tags).map((tag) => ({
    params: { tag: tag.slug },
    props: { tag },
  }));
}

export default function TagPage({ tag, url }: PageProps<{ tag: Term<Post> }>) {
  return (
    <Base title={`Posts tagged #${tag.name}`} url={url} searchable={false}>
      <h1>Posts tagged #{tag.name}</h1>
      <PostList posts={tag.items} />
      <p>
        <a href="/tags/">All tags</a>
      </p>
    </Base>
  );
}
