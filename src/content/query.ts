import { AsyncLocalStorage } from "node:async_hooks";
import { runQuery, type CollectionQuery } from "./collection-query.js";
import type { Entry } from "./entry.js";
import type { ContentStore } from "./store.js";

/**
 * The store that pages query: `getCollection()` takes no store, so the build, a render worker
 * or the dev server runs each page's `paths()` and render inside `runWithStore`.
 */
const currentStore = new AsyncLocalStorage<ContentStore>();

export function runWithStore<T>(store: ContentStore, work: () => T): T {
  return currentStore.run(store, work);
}

/** What each page read, as `collection:<name>` or `entry:<name>/<id>` keys. */
const readLog = new AsyncLocalStorage<Set<string>>();

/** Runs `work` and returns what it read from the store: the seed of incremental builds. */
export async function trackReads<T>(
  work: () => T | Promise<T>,
): Promise<{ result: T; reads: string[] }> {
  const reads = new Set<string>();
  const result = await readLog.run(reads, work);
  return { result, reads: [...reads].sort() };
}

function store(): ContentStore {
  const active = currentStore.getStore();
  if (!active) throw new Error("getCollection() and getEntry() work only while Kiln builds pages.");
  return active;
}

export function queryCollection(
  name: string,
  query?: ((entry: Entry) => boolean) | CollectionQuery,
): Entry[] {
  readLog.getStore()?.add(`collection:${name}`);
  if (typeof query === "function") return store().sorted(name).filter(query);
  return query ? runQuery(store(), name, query) : store().list(name);
}

export function queryEntry(name: string, id: string): Entry | undefined {
  readLog.getStore()?.add(`entry:${name}/${id}`);
  return store().get(name, id);
}
