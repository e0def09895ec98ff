import path from "node:path";
import { bundleModules, importCompiled } from "../compile/index.js";
import type { ContentStore } from "../content/index.js";
import {
  registerMdxEntry,
  setMarkdownPageUrls,
  setMdxComponents,
  type MdxModule,
} from "../markdown/index.js";
import { markdownPageUrls, scanPages } from "../routes/index.js";
import { mdxPlugin } from "./mdx-plugin.js";
import type { ProjectPaths } from "./project-paths.js";

/**
 * Compiles the `.mdx` entries of every collection (with their imports) and hands them to
 * `renderEntry()`, which must stay synchronous for pages. Nothing runs without such entries.
 */
export async function loadMdxEntries(store: ContentStore, paths: ProjectPaths): Promise<void> {
  const entries = store
    .names()
    .flatMap((name) => store.list(name))
    .flatMap((entry) =>
      "file" in entry.origin && entry.origin.file.endsWith(".mdx")
        ? [{ digest: entry.digest, file: entry.origin.file }]
        : [],
    );
  if (entries.length === 0) return;
  // MDX links are rewritten as it compiles, so the pages' URLs must be known first.
  const urls = markdownPageUrls(await scanPages(paths.pagesDir));
  setMarkdownPageUrls((file) => urls.get(file));
  const bundled = await bundleModules({
    root: paths.root,
    entries: entries.map((e) => e.file),
    outDir: path.join(paths.cacheDir, "mdx"),
    plugins: [mdxPlugin],
  });
  for (const { digest, file } of entries) {
    const module = await importCompiled<MdxModule>(bundled.modules.get(file)!, file);
    registerMdxEntry(digest, module);
  }
}

/** Loads the config's `markdown.mdxComponents` module and shares its exports with all MDX. */
export async function loadMdxComponents(
  relative: string | undefined,
  paths: ProjectPaths,
): Promise<void> {
  if (relative === undefined) return;
  const file = path.resolve(paths.root, relative);
  const bundled = await bundleModules({
    root: paths.root,
    entries: [file],
    outDir: path.join(paths.cacheDir, "mdx-components"),
  });
  const module = await importCompiled<Record<string, unknown>>(bundled.modules.get(file)!, file);
  setMdxComponents(Object.fromEntries(Object.entries(module).filter(([k]) => k !== "default")));
}
