import { getCollection } from "kiln-ssg";

/** The docs pages in sidebar order: `order` from their front matter, then title. */
export function sortedDocs() {
  return getCollection("docs").sort(
    (a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, "en"),
  );
}
