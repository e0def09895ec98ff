import { defineConfig, wordpressSource } from "kiln-ssg";

// The WordPress to build from: its base URL, such as http://127.0.0.1:8080.
const url = process.env.WORDPRESS_URL;
if (!url) {
  throw new Error(
    "set WORDPRESS_URL to the WordPress site's base URL, e.g. WORDPRESS_URL=http://127.0.0.1:8080 kiln build examples/wordpress",
  );
}

export default defineConfig({
  site: { title: "Kiln × WordPress", description: "A static blog built from a WordPress." },
  sources: [wordpressSource({ url })],
  // Posts written in WordPress may link what the site does not have; the editors fix those in
  // WordPress, so they are printed rather than failing the build.
  checks: { links: "warn" },
});
