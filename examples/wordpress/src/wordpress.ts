import { getCollection, type Entry, type WordpressPost, type WordpressTerm } from "kiln-ssg";

export type Post = Entry<WordpressPost>;

/** Posts newest first. */
export function allPosts(): Post[] {
  return (getCollection("posts") as Post[]).sort((a, b) => b.data.date.localeCompare(a.data.date));
}

export function postsIn(category: WordpressTerm): Post[] {
  return allPosts().filter((post) => post.data.categories.some((c) => c.slug === category.slug));
}
