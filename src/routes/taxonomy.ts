/** One term of a taxonomy (a tag, a category) with the items that carry it. */
export interface Term<T> {
  /** The term as first written, such as "Static Sites". */
  name: string;
  /** Its URL segment, such as "static-sites". */
  slug: string;
  count: number;
  items: T[];
}

/** "Static Sites" → "static-sites": lower case, runs of other characters become one `-`. */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "-"
  );
}

/**
 * The terms of a taxonomy over `items` (in their order within each term), most used first
 * and then by name. Terms whose slugs are equal ("JS", "js") are one term, named as first
 * seen, so two spellings never make two pages at one URL.
 */
export function taxonomy<T>(
  items: readonly T[],
  termsOf: (item: T) => readonly string[] | string | undefined | null,
): Term<T>[] {
  const terms = new Map<string, Term<T>>();
  for (const item of items) {
    const value = termsOf(item);
    const names = value == null ? [] : typeof value === "string" ? [value] : value;
    const slugs = new Set<string>();
    for (const name of names) {
      const slug = slugify(name);
      if (slugs.has(slug)) continue;
      slugs.add(slug);
      const term = terms.get(slug) ?? { name, slug, count: 0, items: [] };
      term.count++;
      term.items.push(item);
      terms.set(slug, term);
    }
  }
  return [...terms.values()].sort(
    (a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
