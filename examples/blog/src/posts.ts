import { getCollection } from "kiln-ssg";

/** Published posts, newest first. */
export function publishedPosts() {
  return getCollection("posts", (post) => !post.data.draft).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : 1),
  );
}
