import { defineConfig } from "kiln-ssg";

export default defineConfig({
  site: {
    title: "My site",
    lang: "en",
    description: "A site built with Kiln.",
  },
});
