import { getCollection } from "kiln-ssg";

/** Posts, newest first: Kiln leaves `draft: true` ones out of builds and shows them in `kiln dev`. */
export function publishedPosts() {
  return getCollection("posts").sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : 1),
  );
}
