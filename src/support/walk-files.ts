import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { compareStrings } from "./order.js";
import { isInside } from "./paths.js";

/**
 * Lists the files under `root`, sorted, following symbolic links only while they stay inside
 * `root` and never into a folder already visited (a link to `..` would loop forever). A
 * folder's real path is its parent's real path and its name, unless it is reached through a
 * link: only links are resolved, so a walk costs one step per entry at any depth (resolving
 * every folder was quadratic in depth: 57 s at depth 1,000, issue 24).
 */
export async function walkFiles(root: string, skip: (name: string) => boolean): Promise<string[]> {
  const realRoot = await realpath(root);
  const visited = new Set<string>();
  const files: string[] = [];
  async function walk(folder: string, real: string): Promise<void> {
    if (visited.has(real) || !isInside(realRoot, real)) return;
    visited.add(real);
    const dirents = await readdir(folder, { withFileTypes: true });
    dirents.sort((a, b) => compareStrings(a.name, b.name));
    for (const dirent of dirents) {
      if (skip(dirent.name)) continue;
      const full = path.join(folder, dirent.name);
      let target = path.join(real, dirent.name);
      let isDirectory = dirent.isDirectory();
      if (dirent.isSymbolicLink()) {
        const resolved = await realpath(full).catch(() => undefined);
        if (!resolved || !isInside(realRoot, resolved)) continue;
        target = resolved;
        isDirectory = (await stat(resolved)).isDirectory();
      } else if (!dirent.isFile() && !isDirectory) continue;
      if (isDirectory) await walk(full, target);
      else files.push(full);
    }
  }
  await walk(root, realRoot);
  return files;
}
