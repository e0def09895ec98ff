import type { CollectionConfig, StandardIssue } from "../config/index.js";
import { formatIssuePath, issueKeys } from "../config/index.js";
import { KilnError, catalog, type SourceLocation } from "../errors/index.js";
import { describeOrigin, type Entry } from "./entry.js";
import { withData } from "./lazy-body.js";
import { locateField } from "./locate-field.js";
import type { ContentStore } from "./store.js";

/**
 * Runs each collection's schema over its entries and keeps the schema's output (defaults,
 * coerced dates, transforms). The first failure is thrown at the field's line; with
 * `onInvalid` (`kiln build` and `kiln check`, which list every problem) every problem of
 * every entry goes there, and an invalid entry leaves the store: a page rendered from its
 * data as written would fail again on a wrong type (a date that is a string), burying the
 * entry's own errors under the page's.
 */
export async function validateEntries(
  store: ContentStore,
  collections: Readonly<Record<string, CollectionConfig>>,
  onInvalid?: (error: KilnError) => void,
  /** Only these collections (those a source reads before the rest is loaded). @default all */
  only?: readonly string[],
): Promise<void> {
  for (const [name, collection] of Object.entries(collections)) {
    if (only && !only.includes(name)) continue;
    store.addCollection(name);
    const schema = collection.schema;
    if (!schema) continue;
    for (const entry of store.list(name)) {
      const result = await schema["~standard"].validate(entry.data);
      if (!result.issues) {
        store.replace(withData(entry, result.value as Record<string, unknown>));
        continue;
      }
      if (!onInvalid) throw entryError(entry, name, result.issues[0]!);
      // All of an entry's problems in one run: a missing field and a wrong tag list are
      // fixed together, not one build at a time.
      for (const issue of result.issues) onInvalid(entryError(entry, name, issue));
      store.delete(entry);
    }
  }
}

/** The error of an entry that fails its schema, at the field's line in its file. */
function entryError(entry: Entry, name: string, issue: StandardIssue): KilnError {
  const keys = issueKeys(issue.path);
  const location: SourceLocation =
    "file" in entry.origin
      ? { file: entry.origin.file, ...locateField(entry.origin.file, keys) }
      : { file: describeOrigin(entry.origin) };
  const field = formatIssuePath(issue.path);
  const value = valueAt(entry.data, keys);
  if (value === undefined && keys.length > 0)
    return new KilnError(catalog.EntryFieldMissing({ collection: name, field }), location);
  return new KilnError(
    catalog.EntryInvalid({ collection: name, field, problem: describeProblem(issue, value) }),
    location,
  );
}

function valueAt(data: unknown, keys: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of keys) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The schema's message, made plain where zod's is confusing: a coerced date that is no date
 * read "expected date, received Date".
 */
function describeProblem(issue: { message: string }, value: unknown): string {
  if (/expected date/i.test(issue.message)) {
    const shown = value instanceof Date ? "an invalid date" : JSON.stringify(value);
    return `${shown} is not a date; write it as YYYY-MM-DD or an ISO 8601 date-time`;
  }
  return issue.message;
}
