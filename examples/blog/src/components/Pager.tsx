import type { Paginated } from "kiln-ssg";

/** Newer/older links of a paginated list; nothing when it has one page. */
export function Pager({ page }: { page: Paginated<unknown> }) {
  if (page.count === 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {page.url.prev && (
        <a href={page.url.prev} rel="prev">
          ← Newer posts
        </a>
      )}
      <span>
        Page {page.number} of {page.count}
      </span>
      {page.url.next && (
        <a href={page.url.next} rel="next">
          Older posts →
        </a>
      )}
    </nav>
  );
}
