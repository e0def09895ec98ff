import { defineConfig, isoDate, reference, z } from "kiln-ssg";
import { humansTxt } from "./plugins/humans-txt";

export default defineConfig({
  site: {
    url: "https://example.org",
    title: "Kiln Notes",
    lang: "en",
    description: "Notes on building fast static sites with Kiln.",
  },
  markdown: {
    layout: "Doc",
  },
  // rss.xml, atom.xml and feed.json of the posts, full content.
  feeds: [{ collection: "posts" }],
  // A plugin of the project's own (plugins/humans-txt.ts): writes humans.txt.
  plugins: [humansTxt({ team: ["The Kiln Notes writers"] })],
  // A full-text index of every page in dist/pagefind/, which /search/ queries in the browser.
  search: true,
  // The posts as JSON for other clients (an app): dist/api/posts/index.json and one file each.
  contentApi: {
    collections: {
      posts: { fields: ["title", "date", "description", "tags", "author"] },
      authors: {},
    },
  },
  collections: {
    authors: {
      schema: z.object({ name: z.string(), bio: z.string() }),
    },
    glossary: {
      schema: z.object({ term: z.string(), order: z.number().int() }),
    },
    posts: {
      schema: z.object({
        title: z.string(),
        date: isoDate(),
        description: z.string(),
        tags: z.array(z.string()).default([]),
        /** The author's id: a file in src/content/authors/. The build checks that it exists. */
        author: reference("authors").optional(),
        draft: z.boolean().default(false),
        /** Old URLs of the post: each gets a redirect to it. */
        aliases: z.array(z.string()).optional(),
      }),
    },
  },
});
