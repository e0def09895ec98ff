import type { PageProps } from "kiln-ssg";
import Base from "../layouts/Base";
import { PostList } from "../components/PostList";
import { publishedPosts } from "../posts";

export default function Home({ url }: PageProps) {
  return (
    <Base title="Posts" description="Notes on building fast static sites with Kiln." url={url}>
      <section class="intro">
        <h1>Kiln Notes</h1>
        <p>Short notes on static sites, content APIs and shipping less JavaScript.</p>
      </section>
      <PostList posts={publishedPosts()} />
    </Base>
  );
}
