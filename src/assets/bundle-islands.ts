import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IslandManifest } from "../render/index.js";
import { bundleClient, type ClientBundle } from "./bundle-client.js";
import { listIslands } from "./island-files.js";

/** The file extension Kiln runs from: `.js` when installed, `.ts` under the test runner. */
const ownExtension = path.extname(new URL(import.meta.url).pathname);
const runtimeFile = fileURLToPath(
  new URL(`../client/hydrate-islands${ownExtension}`, import.meta.url),
);

export interface BundledClient {
  /** Undefined when the project has no islands and no client scripts: no page gets a script. */
  manifest: IslandManifest | undefined;
  files: ClientBundle["files"];
}

/**
 * Bundles everything that runs in the browser in one esbuild run, so the code they share
 * (Preact above all) lands in shared chunks: the islands runtime, every island in
 * `src/islands/`, and the client scripts pages import with `?client`.
 */
export async function bundleBrowserCode(
  root: string,
  scripts: ReadonlyMap<string, string>,
): Promise<BundledClient> {
  const islands = await listIslands(islandsDirOf(root));
  if (islands.size === 0 && scripts.size === 0) return { manifest: undefined, files: [] };
  const entries = new Map<string, string>();
  if (islands.size > 0) entries.set("islands", runtimeFile);
  for (const [id, file] of islands) entries.set(`island-${id}`, file);
  const scriptIds = [...scripts.keys()].sort();
  const names = new Map<string, string>();
  for (const id of scriptIds) {
    const name = scriptName(id, new Set(names.values()));
    names.set(id, name);
    entries.set(name, scripts.get(id)!);
  }
  const bundle = await bundleClient({ root, entries });
  const manifest: IslandManifest = {
    runtime: bundle.modules.get("islands"),
    islands: new Map([...islands.keys()].map((id) => [id, bundle.modules.get(`island-${id}`)!])),
    scripts: new Map(scriptIds.map((id) => [id, bundle.modules.get(names.get(id)!)!])),
    images: new Map(),
  };
  return { manifest, files: bundle.files };
}

/** `src/scripts/theme.ts` → `script-theme`; a number keeps two `theme.ts` files apart. */
function scriptName(id: string, taken: ReadonlySet<string>): string {
  const base = `script-${path.posix.basename(id, path.posix.extname(id)).replace(/[^\w-]/g, "_")}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

export function islandsDirOf(root: string): string {
  return path.join(root, "src", "islands");
}
