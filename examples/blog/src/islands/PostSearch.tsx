import { useState } from "preact/hooks";

export interface SearchablePost {
  title: string;
  url: string;
  description: string;
}

/** Filters the posts as you type. Without JavaScript it is the full list. */
export default function PostSearch({ posts }: { posts: SearchablePost[] }) {
  const [query, setQuery] = useState("");
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = posts.filter((post) =>
    words.every((word) => `${post.title} ${post.description}`.toLowerCase().includes(word)),
  );
  return (
    <div class="post-search">
      <label>
        Search posts{" "}
        <input
          type="search"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      <ul>
        {shown.map((post) => (
          <li key={post.url}>
            <a href={post.url}>{post.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
