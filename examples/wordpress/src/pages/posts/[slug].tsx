import type { PageProps } from "kiln-ssg";
import Base from "../../layouts/Base";
import { PostMeta } from "../../PostMeta";
import { allPosts, type Post } from "../../wordpress";

export function paths() {
  return allPosts().map((post) => ({ params: { slug: post.id }, props: { post } }));
}

export default function PostPage({ post }: PageProps<{ post: Post }>) {
  const { title, featuredImage, tags, content } = post.data;
  return (
    <Base title={title}>
      <article>
        <h1>{title}</h1>
        <PostMeta post={post.data} />
        {featuredImage && (
          <img
            class="featured"
            src={featuredImage.url}
            alt={featuredImage.alt}
            width={featuredImage.width ?? undefined}
            height={featuredImage.height ?? undefined}
          />
        )}
        {/* content is HTML sanitized by wordpressSource: no scripts, handlers or javascript: URLs */}
        <div class="content" dangerouslySetInnerHTML={{ __html: content }} />
        {tags.length > 0 && (
          <ul class="tags">
            {tags.map((tag) => (
              <li class="tag">#{tag.name}</li>
            ))}
          </ul>
        )}
      </article>
    </Base>
  );
}
