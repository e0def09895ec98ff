import { compareStrings } from "../support/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { describeOrigin, type Entry } from "./entry.js";
import { entryProblem } from "./entry-shape.js";

/** All entries of all collections, in a deterministic order. */
export class ContentStore {
  readonly #collections = new Map<string, Map<string, Entry>>();
  /**
   * Sorted lists and field indexes, made on first use and dropped by any change: pages call
   * getCollection() once each, so a 10k-entry site would otherwise sort 10k times.
   */
  #derived = new Map<string, unknown>();

  /** Declares a collection, so an empty one still exists. */
  addCollection(name: string): void {
    if (!this.#collections.has(name)) this.#collections.set(name, new Map());
  }

  set(entry: Entry): void {
    this.#derived.clear();
    const problem = entryProblem(entry);
    // A plain error: loadContent reports it as KILN_SOURCE_FAILED, naming the source.
    if (problem) throw new TypeError(`store.set() was given an entry whose ${problem}.`);
    this.addCollection(entry.collection);
    const entries = this.#collections.get(entry.collection)!;
    const existing = entries.get(entry.id);
    if (existing) {
      throw new KilnError(
        catalog.EntryDuplicate({
          collection: entry.collection,
          id: entry.id,
          other: describeOrigin(existing.origin),
        }),
        "file" in entry.origin ? { file: entry.origin.file } : undefined,
      );
    }
    entries.set(entry.id, entry);
  }

  replace(entry: Entry): void {
    this.#derived.clear();
    this.#collections.get(entry.collection)?.set(entry.id, entry);
  }

  delete(entry: Entry): void {
    this.#derived.clear();
    this.#collections.get(entry.collection)?.delete(entry.id);
  }

  get(collection: string, id: string): Entry | undefined {
    return this.#collection(collection).get(id);
  }

  /** Entries sorted by id, so output never depends on file system order. */
  list(collection: string): Entry[] {
    return [...this.sorted(collection)];
  }

  has(collection: string): boolean {
    return this.#collections.has(collection);
  }

  /** The list() of a collection, shared: callers must not change it. */
  sorted(collection: string): readonly Entry[] {
    return this.derive(`list:${collection}`, () =>
      [...this.#collection(collection).values()].sort((a, b) => compareStrings(a.id, b.id)),
    );
  }

  /** A value computed from the store's entries once, until an entry changes (query indexes). */
  derive<T>(key: string, make: () => T): T {
    if (this.#derived.has(key)) return this.#derived.get(key) as T;
    const value = make();
    this.#derived.set(key, value);
    return value;
  }

  names(): string[] {
    return [...this.#collections.keys()].sort(compareStrings);
  }

  #collection(name: string): Map<string, Entry> {
    const entries = this.#collections.get(name);
    if (!entries) {
      throw new KilnError(
        catalog.CollectionUnknown({ name, known: this.names().join(", ") || "none" }),
      );
    }
    return entries;
  }
}
