import type { ContentStore } from "./store.js";

/**
 * Collections that have no entries although a page lists them: a symbolic link to nowhere, a
 * `dir` or `include` that matches nothing, a folder not moved yet. The site still builds (a
 * new blog has no posts), but a page listing nothing is worth a word, naming the pages.
 */
export function emptyCollectionsRead(
  store: ContentStore,
  readsByUrl: Readonly<Record<string, readonly string[]>>,
  /** Collections of remote sources, which say themselves what they gave (or why not). */
  fromSources: ReadonlySet<string> = new Set(),
): string[] {
  const known = new Set(store.names());
  const pagesByCollection = new Map<string, string[]>();
  for (const [url, reads] of Object.entries(readsByUrl)) {
    for (const read of reads) {
      if (!read.startsWith("collection:")) continue;
      const name = read.slice("collection:".length);
      if (!known.has(name) || fromSources.has(name) || store.list(name).length > 0) continue;
      pagesByCollection.set(name, [...(pagesByCollection.get(name) ?? []), url]);
    }
  }
  return [...pagesByCollection]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, urls]) => {
      const shown = urls.sort().slice(0, 3).join(", ") + (urls.length > 3 ? ", …" : "");
      return `collection "${name}" has no entries, but ${shown} list${urls.length === 1 ? "s" : ""} it: check its folder (src/content/${name}/ or its \`dir\`) and its include/exclude`;
    });
}
