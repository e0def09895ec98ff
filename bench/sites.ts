import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * One site per generator over the same corpus: one HTML page per post at /posts/post-NNNNN/,
 * a trivial layout (doctype, charset, title, h1, body), nothing else.
 *
 * Two modes. `defaults`: each tool as a new user gets it (Kiln highlights code with
 * highlight.js, Hugo with Chroma, Eleventy highlights nothing). `like`: highlighting off on
 * every side. Two shapes for Kiln: `collection` (posts in a collection, rendered by a
 * `[slug].tsx` page) and `pages` (posts as markdown pages in src/pages with the default layout).
 */
export type Tool = "kiln" | "hugo" | "eleventy";
export type Mode = "defaults" | "like";
export type Shape = "collection" | "pages";

const kilnConfig = (mode: Mode) => `import { defineConfig } from "kiln-ssg";

export default defineConfig({ site: { title: "Bench" }${mode === "like" ? ", markdown: { highlight: false }" : ""} });
`;

const KILN_PAGE = `import { Head, getCollection, renderEntry, type Entry } from "kiln-ssg";

export function paths() {
  return getCollection("posts").map((post) => ({ params: { slug: post.id }, props: { post } }));
}

export default function Post({ post }: { post: Entry<{ title: string }> }) {
  return (
    <>
      <Head>
        <title>{post.data.title}</title>
      </Head>
      <h1>{post.data.title}</h1>
      <div dangerouslySetInnerHTML={{ __html: renderEntry(post).html }} />
    </>
  );
}
`;

const hugoConfig = (mode: Mode) => `baseURL = "https://example.org/"
title = "Bench"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
${mode === "like" ? "\n[markup.highlight]\n  codeFences = false\n" : ""}`;

const HUGO_LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
</head>
<body>
<h1>{{ .Title }}</h1>
{{ .Content }}
</body>
</html>
`;

const ELEVENTY_CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "post.njk");
  return { dir: { input: "src", output: "_site" } };
}
`;

const ELEVENTY_LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
</head>
<body>
<h1>{{ title }}</h1>
{{ content | safe }}
</body>
</html>
`;

/** Writes `tool`'s site for the corpus in `corpusDir` (its `posts/` folder) unless it exists. */
export function prepareSite(
  tool: Tool,
  corpusDir: string,
  siteDir: string,
  { mode, shape }: { mode: Mode; shape: Shape },
): void {
  const posts = path.join(corpusDir, "posts");
  const files: Record<string, string> = {};
  let postsDir: string;
  switch (tool) {
    case "kiln":
      files["kiln.config.ts"] = kilnConfig(mode);
      if (shape === "collection") files["src/pages/posts/[slug].tsx"] = KILN_PAGE;
      postsDir = shape === "collection" ? "src/content/posts" : "src/pages/posts";
      break;
    case "hugo":
      files["hugo.toml"] = hugoConfig(mode);
      files["layouts/_default/single.html"] = HUGO_LAYOUT;
      postsDir = "content/posts";
      break;
    case "eleventy":
      files["eleventy.config.mjs"] = ELEVENTY_CONFIG;
      files["src/_includes/post.njk"] = ELEVENTY_LAYOUT;
      postsDir = "src/posts";
      break;
  }
  // A site written from other templates (an older bench) is written again.
  const ready = path.join(siteDir, ".ready");
  const stamp = JSON.stringify({ files, postsDir });
  if (existsSync(ready) && readFileSync(ready, "utf8") === stamp) return;
  rmSync(siteDir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(siteDir, name)), { recursive: true });
    writeFileSync(path.join(siteDir, name), text);
  }
  cpSync(posts, path.join(siteDir, postsDir), { recursive: true });
  writeFileSync(ready, stamp);
}

/** Removes what a previous build left, so the next one is cold. */
export function cleanSite(tool: Tool, siteDir: string): void {
  const leftovers: Record<Tool, string[]> = {
    kiln: ["dist", ".kiln"],
    hugo: ["public", "resources", ".hugo-cache", ".hugo_build.lock"],
    eleventy: ["_site"],
  };
  for (const name of leftovers[tool])
    rmSync(path.join(siteDir, name), { recursive: true, force: true });
}

/** The command line of a cold build of `siteDir`. */
export function buildCommand(
  tool: Tool,
  siteDir: string,
  peers: { kilnBin: string; eleventyCli: string; kilnArgs: string[] },
): string[] {
  switch (tool) {
    case "kiln":
      return [process.execPath, peers.kilnBin, "build", siteDir, ...peers.kilnArgs];
    case "hugo":
      return [
        "hugo",
        "--quiet",
        "--source",
        siteDir,
        "--cacheDir",
        path.join(siteDir, ".hugo-cache"),
      ];
    case "eleventy":
      return [process.execPath, peers.eleventyCli, "--quiet"];
  }
}

/** Where a build wrote its pages, for counting them. */
export function outputDir(tool: Tool, siteDir: string): string {
  return path.join(siteDir, { kiln: "dist", hugo: "public", eleventy: "_site" }[tool]);
}
