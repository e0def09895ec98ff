import type { PageProps } from "kiln-ssg";
import Base from "../../layouts/Base";
import { PostList } from "../../components/PostList";
import { publishedPosts } from "../../posts";

export function paths() {
  const tags = [...new Set(publishedPosts().flatMap((post) => post.data.tags))].sort();
  return tags.map((tag) => ({ params: { tag } }));
}

export default function TagPage({ params, url }: PageProps) {
  const tag = params.tag!;
  const posts = publishedPosts().filter((post) => post.data.tags.includes(tag));
  return (
    <Base title={`Posts tagged #${tag}`} url={url}>
      <h1>Posts tagged #{tag}</h1>
      <PostList posts={posts} />
    </Base>
  );
}
