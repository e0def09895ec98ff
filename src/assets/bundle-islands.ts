import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IslandManifest } from "../render/index.js";
import { bundleClient, type ClientBundle } from "./bundle-client.js";
import { listIslands } from "./island-files.js";

/** The file extension Kiln runs from: `.js` when installed, `.ts` under the test runner. */
const ownExtension = path.extname(new URL(import.meta.url).pathname);
const runtimeFile = new URL(`../client/hydrate-islands${ownExtension}`, import.meta.url);

export interface BundledIslands {
  /** Undefined when the project has no islands: then no page gets a script. */
  manifest: IslandManifest | undefined;
  files: ClientBundle["files"];
}

/** Bundles the islands runtime and every island in `src/islands/` for the browser. */
export async function bundleIslands(root: string): Promise<BundledIslands> {
  const islands = await listIslands(islandsDirOf(root));
  if (islands.size === 0) return { manifest: undefined, files: [] };
  const entries = new Map<string, string>([["islands", fileURLToPath(runtimeFile)]]);
  for (const [id, file] of islands) entries.set(`island-${id}`, file);
  const bundle = await bundleClient({ root, entries });
  const manifest: IslandManifest = {
    runtime: bundle.modules.get("islands")!,
    islands: new Map([...islands.keys()].map((id) => [id, bundle.modules.get(`island-${id}`)!])),
  };
  return { manifest, files: bundle.files };
}

export function islandsDirOf(root: string): string {
  return path.join(root, "src", "islands");
}
