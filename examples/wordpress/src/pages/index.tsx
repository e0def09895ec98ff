import { getCollection, type Entry, type WordpressPost } from "kiln-ssg";
import Base from "../layouts/Base";
import { PostMeta } from "../PostMeta";
import { allPosts } from "../wordpress";

export default function Home() {
  const pages = getCollection("pages") as Entry<WordpressPost>[];
  return (
    <Base title="Posts">
      <nav class="pages">
        {pages.map((page) => (
          <a href={`/${page.id}/`}>{page.data.title}</a>
        ))}
      </nav>
      <ul class="post-list">
        {allPosts().map((post) => (
          <li>
            <h2>
              <a href={`/posts/${post.id}/`}>{post.data.title}</a>
            </h2>
            <PostMeta post={post.data} />
            <div class="excerpt" dangerouslySetInnerHTML={{ __html: post.data.excerpt }} />
          </li>
        ))}
      </ul>
    </Base>
  );
}
