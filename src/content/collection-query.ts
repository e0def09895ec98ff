import { compareStrings } from "../support/index.js";
import type { Entry } from "./entry.js";
import { isReference } from "./reference.js";
import type { ContentStore } from "./store.js";

/**
 * What `getCollection(name, query)` takes: entries whose data matches every field of `where`
 * (equal; for an array field, containing the value; for a reference, naming the id), in
 * `sort` order ("date", or "-date" for newest first; ties by id), from `offset`, at most
 * `limit`.
 */
export interface CollectionQuery {
  where?: Readonly<Record<string, unknown>> | undefined;
  sort?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * Runs a query over a store. Each `where` field is answered from an index of that field,
 * made on the first query and kept by the store until an entry changes, so filtering 10k
 * entries again costs only the size of the answer.
 */
export function runQuery(store: ContentStore, name: string, query: CollectionQuery): Entry[] {
  let entries = store.sorted(name);
  const where = Object.entries(query.where ?? {});
  if (where.length > 0) {
    const matches = where.map(([field, value]) => fieldIndex(store, name, field).get(key(value)));
    if (matches.some((found) => !found)) return [];
    const [smallest, ...others] = (matches as Set<Entry>[]).sort((a, b) => a.size - b.size);
    // Index sets keep the collection's id order, so walking the smallest one keeps it too.
    entries = [...smallest!].filter((entry) => others.every((set) => set.has(entry)));
  }
  if (query.sort) {
    // The whole collection in that order is kept; an answer of a few entries is sorted alone.
    entries = where.length === 0 ? sortedBy(store, name, query.sort) : sortBy(entries, query.sort);
  }
  const start = query.offset ?? 0;
  return entries.slice(start, query.limit === undefined ? undefined : start + query.limit);
}

/** Field value → the entries holding it (an array field indexes each of its items). */
function fieldIndex(store: ContentStore, name: string, field: string): Map<string, Set<Entry>> {
  return store.derive(`index:${name}:${field}`, () => {
    const index = new Map<string, Set<Entry>>();
    for (const entry of store.sorted(name)) {
      const value = entry.data[field];
      for (const item of Array.isArray(value) ? value : [value]) {
        const k = key(item);
        let set = index.get(k);
        if (!set) index.set(k, (set = new Set()));
        set.add(entry);
      }
    }
    return index;
  });
}

/** One key for values that are the same to a reader: a date and its ISO string, a reference and its id. */
function key(value: unknown): string {
  if (value instanceof Date) return `d:${value.toISOString()}`;
  if (isReference(value)) return `s:${value.id}`;
  if (typeof value === "string") return `s:${value}`;
  return `j:${JSON.stringify(value)}`;
}

function sortedBy(store: ContentStore, name: string, sort: string): readonly Entry[] {
  return store.derive(`sort:${name}:${sort}`, () => sortBy(store.sorted(name), sort));
}

function sortBy(entries: readonly Entry[], sort: string): Entry[] {
  const descending = sort.startsWith("-");
  const field = descending ? sort.slice(1) : sort;
  return [...entries].sort((a, b) => {
    const order = compareValues(a.data[field], b.data[field]);
    return (descending ? -order : order) || compareStrings(a.id, b.id);
  });
}

/** Numbers, dates and strings in their natural order; an entry without the field comes last. */
function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === "number" && typeof y === "number") return x - y;
  return compareStrings(String(x), String(y));
}
