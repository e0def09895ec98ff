import { Island, type PageProps } from "kiln-ssg";
import Base from "../layouts/Base";
import PostSearch from "../islands/PostSearch";
import { publishedPosts } from "../posts";

export default function Search({ url }: PageProps) {
  const posts = publishedPosts().map((post) => ({
    title: post.data.title,
    url: `/posts/${post.id}/`,
    description: post.data.description,
  }));
  return (
    <Base title="Search" description="Find a post by its title or summary." url={url}>
      <h1>Search</h1>
      <Island hydrate="idle">
        <PostSearch posts={posts} />
      </Island>
    </Base>
  );
}
