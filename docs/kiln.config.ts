import { defineConfig } from "kiln-ssg";
import starter from "../examples/docs/kiln.config";

// Kiln's own documentation: the docs starter (examples/docs) with Kiln's pages. Its layouts,
// pages and public files are links to the starter's, so the two never drift apart.
export default defineConfig({
  ...starter,
  site: {
    title: "Kiln",
    lang: "en",
    description: "Kiln, a JAMstack static site generator in TypeScript: documentation.",
    url: "https://kiln-ssg.dev",
  },
});
