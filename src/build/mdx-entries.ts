import path from "node:path";
import { bundleModules } from "../compile/index.js";
import type { ContentStore } from "../content/index.js";
import type { ResolveMarkdownUrl } from "../markdown/index.js";
import type { CompiledModule } from "../runtime/index.js";
import { mdxPlugin } from "./mdx-plugin.js";
import type { ProjectPaths } from "./project-paths.js";

/**
 * Compiles the `.mdx` entries of every collection (with their imports), for `renderEntry()`,
 * which must stay synchronous for pages, to import. Nothing runs without such entries.
 */
export async function compileMdxEntries(
  store: ContentStore,
  paths: ProjectPaths,
  resolveUrl: ResolveMarkdownUrl,
): Promise<(CompiledModule & { digest: string })[]> {
  const entries = store
    .names()
    .flatMap((name) => store.list(name))
    .flatMap((entry) =>
      "file" in entry.origin && entry.origin.file.endsWith(".mdx")
        ? [{ digest: entry.digest, file: entry.origin.file }]
        : [],
    );
  if (entries.length === 0) return [];
  const bundled = await bundleModules({
    root: paths.root,
    entries: entries.map((e) => e.file),
    outDir: path.join(paths.cacheDir, "mdx"),
    plugins: [mdxPlugin(resolveUrl)],
  });
  return entries.map(({ digest, file }) => ({
    digest,
    file,
    url: bundled.modules.get(file)!,
    folder: bundled.folder,
  }));
}

/** Compiles the config's `markdown.mdxComponents` module, whose exports every MDX can use. */
export async function compileMdxComponents(
  relative: string | undefined,
  paths: ProjectPaths,
): Promise<CompiledModule | undefined> {
  if (relative === undefined) return undefined;
  const file = path.resolve(paths.root, relative);
  const bundled = await bundleModules({
    root: paths.root,
    entries: [file],
    outDir: path.join(paths.cacheDir, "mdx-components"),
  });
  return { file, url: bundled.modules.get(file)!, folder: bundled.folder };
}
