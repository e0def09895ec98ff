import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expandPaths, routeDefinition, type LoadedPage } from "../build/index.js";
import {
  ContentStore,
  ENTRY_EXTENSIONS,
  parseEntry,
  validateEntries,
  type Entry,
} from "../content/index.js";
import { createRouteTable } from "../routes/index.js";
import type { SiteRuntime } from "../runtime/index.js";
import { sha256 } from "../support/index.js";
import type { DevSite } from "./load-site.js";

/**
 * The fast path after an edit: when only existing content entries changed or were deleted,
 * re-parse just those files, swap them into a copy of the store, call again the `paths()`
 * that read them, and rebuild the route table. Cost follows the edit, not the site: no
 * config, no compile, no re-reading of the other entries. Undefined means "not a case this
 * handles" (a new file, a page or a layout): the caller reloads the whole site.
 */
export async function patchContent(
  site: DevSite,
  files: readonly string[],
): Promise<DevSite | undefined> {
  const byFile = new Map<string, Entry>();
  for (const name of site.runtime.store.names())
    for (const entry of site.runtime.store.list(name))
      if ("file" in entry.origin) byFile.set(entry.origin.file, entry);

  // MDX entries are compiled by the build's loader: let a full reload do it.
  if (files.some((file) => file.endsWith(".mdx"))) return undefined;
  const changed = new Map<string, Entry>();
  const removed = new Set<string>();
  for (const file of files) {
    const old = byFile.get(file);
    const exists = existsSync(file);
    if (!old) {
      // A file no entry came from: new, hidden, or not content. Only a deleted one is harmless.
      if (exists && ENTRY_EXTENSIONS.has(path.extname(file))) return undefined;
      continue;
    }
    if (!exists) {
      removed.add(file);
      continue;
    }
    const bytes = await readFile(file);
    const parsed = parseEntry(bytes, file);
    changed.set(file, {
      ...old,
      data: parsed.data,
      body: parsed.body,
      digest: sha256(bytes),
      origin: { file, bodyLine: parsed.bodyLine },
    });
  }
  if (changed.size === 0 && removed.size === 0) return site;

  // Schemas run on the changed entries only; the others were validated when loaded.
  const fresh = new ContentStore();
  for (const entry of changed.values()) fresh.set(entry);
  await validateEntries(fresh, site.config.collections);

  const store = new ContentStore();
  for (const name of site.runtime.store.names()) {
    store.addCollection(name);
    for (const entry of site.runtime.store.list(name)) {
      const file = "file" in entry.origin ? entry.origin.file : undefined;
      if (file !== undefined && removed.has(file)) continue;
      store.set(file !== undefined && changed.has(file) ? fresh.get(name, entry.id)! : entry);
    }
  }
  const runtime: SiteRuntime = { ...site.runtime, store };

  const touched = new Set<string>();
  for (const entry of [...changed.values(), ...[...removed].map((f) => byFile.get(f)!)]) {
    touched.add(`collection:${entry.collection}`);
    touched.add(`entry:${entry.collection}/${entry.id}`);
  }
  const pages = new Map<string, LoadedPage>();
  for (const [file, loaded] of site.pages) {
    const readsTouched = loaded.inputs.some((input) => touched.has(input));
    pages.set(
      file,
      loaded.callPaths && readsTouched ? await callPathsAgain(loaded, runtime) : loaded,
    );
  }
  const table = createRouteTable([...pages.values()].map(routeDefinition), {
    i18n: site.config.i18n,
    trailingSlash: site.config.trailingSlash,
  });
  return {
    ...site,
    runtime,
    pages,
    routes: new Map(table.routes.map((route) => [route.outputPath, route])),
  };
}

async function callPathsAgain(loaded: LoadedPage, runtime: SiteRuntime): Promise<LoadedPage> {
  const { paths, reads } = await expandPaths(loaded.page.file, loaded.callPaths!, runtime);
  const files = loaded.inputs.filter((input) => path.isAbsolute(input));
  return { ...loaded, paths, inputs: [...files, ...reads] };
}
