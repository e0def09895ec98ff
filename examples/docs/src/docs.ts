import { getCollection, type Entry } from "kiln-ssg";

// The settings live in their own module so that a site reusing these files through links
// (Kiln's own docs/ links this starter's) can keep its own: imports resolve beside the link.
import { settings } from "./settings";

export { settings };
export type { DocsSettings } from "./settings";

export type Doc = Entry<{
  title: string;
  description?: string | undefined;
  order: number;
  group?: string | undefined;
}>;

/** A sidebar group and its pages; pages with no `group` come first, in a group with no name. */
export interface DocGroup {
  name: string | undefined;
  docs: Doc[];
}

/** Where a doc is on the site. */
export function docUrl(doc: Doc): string {
  return `/${doc.id}/`;
}

/**
 * The sidebar: groups in the order of `settings.groups` (others after them, by name), each
 * group's pages by `order` from their front matter, then by title.
 */
export function docGroups(): DocGroup[] {
  const byGroup = new Map<string | undefined, Doc[]>();
  const docs = getCollection("docs").sort(
    (a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, "en"),
  );
  for (const doc of docs) {
    const list = byGroup.get(doc.data.group) ?? [];
    list.push(doc);
    byGroup.set(doc.data.group, list);
  }
  const rank = (name: string | undefined) =>
    name === undefined
      ? -1
      : settings.groups.includes(name)
        ? settings.groups.indexOf(name)
        : Infinity;
  return [...byGroup]
    .map(([name, docs]) => ({ name, docs }))
    .sort(
      (a, b) => rank(a.name) - rank(b.name) || (a.name ?? "").localeCompare(b.name ?? "", "en"),
    );
}

/** Every doc in sidebar order: the order of the site's pages and of previous/next links. */
export function sortedDocs(): Doc[] {
  return docGroups().flatMap((group) => group.docs);
}

/** The pages before and after a doc in sidebar order. */
export function neighbours(doc: Doc): { previous: Doc | undefined; next: Doc | undefined } {
  const docs = sortedDocs();
  const at = docs.findIndex((other) => other.id === doc.id);
  return { previous: docs[at - 1], next: at >= 0 ? docs[at + 1] : undefined };
}

/** The "Edit this page" address of a doc, or undefined without `settings.editUrl`. */
export function editUrl(doc: Doc): string | undefined {
  if (!settings.editUrl || !("file" in doc.origin)) return undefined;
  const file = doc.origin.file.replaceAll("\\", "/");
  const extension = file.slice(file.lastIndexOf("."));
  return `${settings.editUrl}${doc.id}${extension}`;
}
