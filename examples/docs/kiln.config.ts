import { defineConfig, z } from "kiln-ssg";

export default defineConfig({
  site: {
    title: "My project's docs",
    lang: "en",
    description: "Documentation built with Kiln.",
  },
  // A full-text index of every page in dist/pagefind/, which /search/ queries in the browser.
  search: true,
  collections: {
    // Every markdown file in src/content/docs/ is a page of the docs.
    docs: {
      schema: z.object({
        title: z.string(),
        description: z.string().optional(),
        /** Place in its sidebar group: lower first; pages of the same order sort by title. */
        order: z.number().default(100),
        /** The sidebar group, such as "Guides"; groups are ordered in src/docs.ts. */
        group: z.string().optional(),
      }),
    },
  },
});
