import { slugify } from "kiln-ssg";

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <span class="tags">
      {tags.map((tag) => (
        <a key={tag} class="tag" href={`/tags/${slugify(tag)}/`}>
          #{tag}
        </a>
      ))}
    </span>
  );
}
