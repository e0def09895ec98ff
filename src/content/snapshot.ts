import path from "node:path";
import type { EntryOrigin } from "./entry.js";
import { withLazyBody } from "./lazy-body.js";
import { ContentStore } from "./store.js";

/** An entry as sent to a render worker: markdown files leave their body on disk. */
export interface EntrySnapshot {
  id: string;
  collection: string;
  data: Record<string, unknown>;
  digest: string;
  origin: EntryOrigin;
  /** Absent when the body is read back from `origin.file` on first use. */
  body?: string;
}

/** The store in a structured-clonable form, for `workerData`. */
export interface StoreSnapshot {
  collections: string[];
  entries: EntrySnapshot[];
}

/**
 * Copies the store without the bodies of markdown files, so N workers do not hold N copies
 * of every post: a worker reads a body from disk when a page asks for it.
 */
export function snapshotStore(store: ContentStore): StoreSnapshot {
  const collections = store.names();
  const entries: EntrySnapshot[] = [];
  for (const name of collections) {
    for (const entry of store.list(name)) {
      const { id, collection, data, digest, origin } = entry;
      entries.push(
        isMarkdownFile(origin)
          ? { id, collection, data, digest, origin }
          : { id, collection, data, digest, origin, body: entry.body },
      );
    }
  }
  return { collections, entries };
}

/** The worker's side of `snapshotStore`: entries whose body loads on first read. */
export function restoreStore(snapshot: StoreSnapshot): ContentStore {
  const store = new ContentStore();
  for (const name of snapshot.collections) store.addCollection(name);
  for (const entry of snapshot.entries) {
    if (entry.body !== undefined || !("file" in entry.origin)) {
      store.set({ ...entry, body: entry.body ?? "" });
      continue;
    }
    store.set(withLazyBody(entry, entry.origin.file));
  }
  return store;
}

function isMarkdownFile(origin: EntryOrigin): boolean {
  return "file" in origin && path.extname(origin.file) === ".md";
}
