/**
 * The settings of Kiln's own docs: its title and sidebar groups. Everything else of this site
 * (pages, layouts, islands, public files, the collection schema) is the docs starter's, linked
 * from examples/docs. Kiln resolves a linked file's imports beside the link, so when the
 * starter's `src/docs.ts` takes its settings from `./settings` (its sidebar groups, edit link
 * and banner are being added), this file is what it reads here. Today's starter has none.
 */
export const settings: DocsSettings = {
  title: "Kiln",
  /** The sidebar's groups, in this order; a page names its group in front matter (`group`). */
  groups: ["Start here", "Guides", "Reference"],
};

export interface DocsSettings {
  title: string;
  editUrl?: string;
  banner?: { text: string; tone: "info" | "warning" };
  groups: string[];
}
