import type { Entry } from "kiln-ssg";
import { FormattedDate } from "./FormattedDate";
import { TagList } from "./TagList";

type Post = Entry<{ title: string; date: Date; description: string; tags: string[] }>;

export function PostList({ posts }: { posts: Post[] }) {
  return (
    <ul class="post-list">
      {posts.map((post) => (
        <li key={post.id}>
          <article>
            <h2>
              <a href={`/posts/${post.id}/`}>{post.data.title}</a>
            </h2>
            <p class="meta">
              <FormattedDate date={post.data.date} /> <TagList tags={post.data.tags} />
            </p>
            <p>{post.data.description}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}
