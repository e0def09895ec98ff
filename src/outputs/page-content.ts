import { readFile } from "node:fs/promises";
import type { PluginRoute } from "../plugins/index.js";

/** A body that came from content, named as its editors know it. */
export interface PageContent {
  name: string;
  body: string;
}

interface EntryLike {
  id: string;
  collection: string;
  body: string;
  origin?: { file?: string; url?: string };
}

function isEntry(value: unknown): value is EntryLike {
  const entry = value as Partial<EntryLike> | null;
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof entry.id === "string" &&
    typeof entry.collection === "string" &&
    typeof entry.body === "string"
  );
}

/**
 * The content a page shows: a markdown page's own source, and the body of every entry in its
 * props (one, or a list page's array). Its inline code is the editors', not the project's.
 */
export async function pageContent(route: PluginRoute): Promise<PageContent[]> {
  const found: PageContent[] = [];
  if (route.file && /\.mdx?$/.test(route.file)) {
    const body = await readFile(route.file, "utf8").catch(() => "");
    found.push({ name: `src/pages/${route.pageFile}`, body });
  }
  for (const value of Object.values(route.props)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isEntry(item) || item.body === "") continue;
      const where = item.origin?.file ?? item.origin?.url;
      const name = `entry ${item.collection}/${item.id}` + (where ? ` (${where})` : "");
      found.push({ name, body: item.body });
    }
  }
  return found;
}
