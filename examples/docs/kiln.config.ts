import { defineConfig, z } from "kiln-ssg";

export default defineConfig({
  site: {
    title: "My project's docs",
    lang: "en",
    description: "Documentation built with Kiln.",
  },
  collections: {
    // Every markdown file in src/content/docs/ is a page of the docs.
    docs: {
      schema: z.object({
        title: z.string(),
        description: z.string().optional(),
        /** Place in the sidebar: lower first; pages of the same order sort by title. */
        order: z.number().default(100),
      }),
    },
  },
});
