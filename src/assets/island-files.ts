import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

/** Extensions an island module may have. */
export const ISLAND_EXTENSIONS = new Set([".tsx", ".jsx", ".ts", ".js"]);

/** The project's islands: each file directly in `src/islands/`, by id (its name). */
export async function listIslands(islandsDir: string): Promise<Map<string, string>> {
  const islands = new Map<string, string>();
  if (!existsSync(islandsDir)) return islands;
  for (const entry of await readdir(islandsDir, { withFileTypes: true })) {
    const extension = path.extname(entry.name);
    if (!entry.isFile() || !ISLAND_EXTENSIONS.has(extension) || entry.name.endsWith(".d.ts"))
      continue;
    islands.set(entry.name.slice(0, -extension.length), path.join(islandsDir, entry.name));
  }
  return new Map([...islands].sort(([a], [b]) => (a < b ? -1 : 1)));
}
