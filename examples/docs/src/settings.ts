/** The settings of these docs, in one typed object: change them here. */
export const settings: DocsSettings = {
  title: "My project's docs",
  /**
   * "Edit this page" links go to this address followed by the page's file name, such as
   * `getting-started.md`. Leave it out to show no such links.
   */
  editUrl: "https://github.com/your-name/your-project/edit/main/src/content/docs/",
  /** A line above every page: the version documented, or a warning. Leave it out for none. */
  banner: { text: "These docs are for version 1.0.", tone: "info" },
  /** The sidebar's groups, in this order; a page names its group in front matter (`group`). */
  groups: ["Start here", "Guides"],
};

export interface DocsSettings {
  title: string;
  editUrl?: string;
  banner?: { text: string; tone: "info" | "warning" };
  groups: string[];
}
