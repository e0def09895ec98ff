import { getCollection } from "kiln-ssg";

/** Posts, newest first: Kiln leaves `draft: true` ones out of builds and shows them in `kiln dev`. */
export function publishedPosts() {
  return getCollection("posts", { sort: "-date" });
}
