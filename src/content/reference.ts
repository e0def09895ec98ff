import { z } from "zod";
import type { CollectionConfig } from "../config/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { describeOrigin, type Entry } from "./entry.js";
import { locateField } from "./locate-field.js";
import type { ContentStore } from "./store.js";

/** A pointer from one entry to another: what `reference("authors")` gives in entry data. */
export interface EntryReference<C extends string = string> {
  readonly collection: C;
  readonly id: string;
}

/** Marks the objects `reference()` made, so resolution finds them without reading schemas. */
const REFERENCE = Symbol.for("kiln.reference");

/**
 * A schema field naming an entry of another collection by id: `author: reference("authors")`.
 * The build checks that the entry exists; `getEntry(post.data.author)` reads it.
 */
export function reference<C extends string>(collection: C) {
  return (
    z
      .string()
      .min(1)
      .transform((id): EntryReference<C> => {
        const ref = { collection, id };
        Object.defineProperty(ref, REFERENCE, { value: true });
        return ref;
      })
      // Says which collection, for schemas made from this one (GraphQL, JSON Schema).
      .meta({ kilnReference: collection })
  );
}

export function isReference(value: unknown): value is EntryReference {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<EntryReference>).collection === "string" &&
    typeof (value as Partial<EntryReference>).id === "string" &&
    Object.keys(value).length === 2
  );
}

/**
 * Every reference in validated entry data must name an entry that exists. Each dangling one
 * is a located error naming both entries; with `onInvalid` each goes there (all in one run).
 */
export function resolveReferences(
  store: ContentStore,
  collections: Readonly<Record<string, CollectionConfig>>,
  onInvalid?: (error: KilnError) => void,
): void {
  for (const name of Object.keys(collections)) {
    for (const entry of store.list(name)) {
      for (const { keys, ref } of referencesIn(entry.data, [])) {
        if (store.has(ref.collection) && store.get(ref.collection, ref.id)) continue;
        const error = danglingError(store, entry, keys, ref);
        if (!onInvalid) throw error;
        onInvalid(error);
      }
    }
  }
}

function* referencesIn(
  value: unknown,
  keys: PropertyKey[],
): Generator<{ keys: PropertyKey[]; ref: EntryReference }> {
  if (typeof value !== "object" || value === null || value instanceof Date) return;
  if (REFERENCE in value && isReference(value)) {
    yield { keys, ref: value };
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    yield* referencesIn(inner, [...keys, Array.isArray(value) ? Number(key) : key]);
  }
}

function danglingError(
  store: ContentStore,
  entry: Entry,
  keys: PropertyKey[],
  ref: EntryReference,
): KilnError {
  const location =
    "file" in entry.origin
      ? { file: entry.origin.file, ...locateField(entry.origin.file, keys) }
      : { file: describeOrigin(entry.origin) };
  const known = store.has(ref.collection)
    ? store
        .list(ref.collection)
        .slice(0, 8)
        .map((e) => e.id)
        .join(", ") || "none"
    : `no collection "${ref.collection}"`;
  return new KilnError(
    catalog.ReferenceDangling({
      entry: `${entry.collection}/${entry.id}`,
      field: keys.join("."),
      target: `${ref.collection}/${ref.id}`,
      known,
    }),
    location,
  );
}
