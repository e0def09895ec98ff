import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isInside } from "../support/index.js";

/**
 * The compiled modules of one `bundleModules` call: where they live and their text. A build
 * holds them for its whole run, so deleting `.kiln/` while it runs (a user clearing the cache,
 * a CI step) costs a rewrite, not the build (issue 26: DESIGN's "the cache can be deleted at
 * any time without changing the output").
 */
export interface CompiledFolder {
  dir: string;
  files: readonly { path: string; text: string }[];
}

export function writeCompiledFolder(folder: CompiledFolder): void {
  const made = new Set<string>();
  for (const file of folder.files) {
    const parent = path.dirname(file.path);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(file.path, file.text);
  }
}

/**
 * Imports a compiled module; when a file of it is gone (its folder deleted since), writes
 * the folders back and imports again. The retry asks for a new URL: Node remembers a module
 * whose import failed, and would fail it again without looking.
 */
export async function importRestoring(
  url: string,
  folders: readonly CompiledFolder[],
): Promise<unknown> {
  try {
    return await import(url);
  } catch (error) {
    const missing = missingFile(error);
    const owners = missing ? folders.filter((folder) => isInside(folder.dir, missing)) : [];
    if (owners.length === 0) throw error;
    for (const folder of owners) writeCompiledFolder(folder);
    return await import(`${url}${url.includes("?") ? "&" : "?"}restored=${Date.now()}`);
  }
}

/** The absolute path of "Cannot find module '/x/y.mjs' imported from …". */
function missingFile(error: unknown): string | undefined {
  if ((error as { code?: unknown } | null)?.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  const found = /Cannot find module '([^']+)'/.exec((error as Error).message)?.[1];
  return found && path.isAbsolute(found) ? found : undefined;
}
