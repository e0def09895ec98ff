import type { WordpressPost } from "kiln-ssg";

/** Date, author and categories of a post, as links. */
export function PostMeta({ post }: { post: WordpressPost }) {
  return (
    <p class="meta">
      <time dateTime={post.date}>{post.date.slice(0, 10)}</time>
      {post.author && (
        <>
          {" by "}
          <a class="author" href={`/authors/${post.author.slug}/`}>
            {post.author.name}
          </a>
        </>
      )}
      {post.categories.length > 0 && " in "}
      {post.categories.map((category, i) => (
        <>
          {i > 0 && ", "}
          <a class="category" href={`/categories/${category.slug}/`}>
            {category.name}
          </a>
        </>
      ))}
    </p>
  );
}
