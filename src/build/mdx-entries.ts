import path from "node:path";
import { bundleModules } from "../compile/index.js";
import type { ContentStore } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { registerMdxEntry, type MdxModule } from "../markdown/index.js";
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
  const bundled = await bundleModules({
    root: paths.root,
    entries: entries.map((e) => e.file),
    outDir: path.join(paths.cacheDir, "mdx"),
    plugins: [mdxPlugin],
  });
  for (const { digest, file } of entries) {
    let module: MdxModule;
    try {
      module = (await import(bundled.modules.get(file)!)) as MdxModule;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new KilnError(catalog.ModuleLoad({ reason }), { file }, { cause: error });
    }
    registerMdxEntry(digest, module);
  }
}
