import { taxonomy, type PageProps } from "kiln-ssg";
import Base from "../../layouts/Base";
import { publishedPosts } from "../../posts";

/** Every tag with how many posts carry it, most used first. */
export default function Tags({ url }: PageProps) {
  const tags = taxonomy(publishedPosts(), (post) => post.data.tags);
  return (
    <Base
      title="Tags"
      description="Every tag of Kiln Notes, with its posts."
      url={url}
      searchable={false}
    >
      <h1>Tags</h1>
      <ul class="tag-index">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <a href={`/tags/${tag.slug}/`}>#{tag.name}</a> ({tag.count}{" "}
            {tag.count === 1 ? "post" : "posts"})
          </li>
        ))}
      </ul>
    </Base>
  );
}
