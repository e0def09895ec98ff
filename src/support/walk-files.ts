import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { compareStrings } from "./order.js";
import { isInside } from "./paths.js";

/**
 * Lists the files under `root`, sorted, following symbolic links only while they stay inside
 * `root` and never into a folder already visited (a link to `..` would loop forever).
 */
export async function walkFiles(root: string, skip: (name: string) => boolean): Promise<string[]> {
  const realRoot = await realpath(root);
  const visited = new Set<string>();
  const files: string[] = [];
  async function walk(folder: string): Promise<void> {
    const real = await realpath(folder);
    if (visited.has(real) || !isInside(realRoot, real)) return;
    visited.add(real);
    const dirents = await readdir(folder, { withFileTypes: true });
    dirents.sort((a, b) => compareStrings(a.name, b.name));
    for (const dirent of dirents) {
      if (skip(dirent.name)) continue;
      const full = path.join(folder, dirent.name);
      let isDirectory = dirent.isDirectory();
      if (dirent.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (!target || !isInside(realRoot, target)) continue;
        isDirectory = (await stat(target)).isDirectory();
      } else if (!dirent.isFile() && !isDirectory) continue;
      if (isDirectory) await walk(full);
      else files.push(full);
    }
  }
  await walk(root);
  return files;
}
