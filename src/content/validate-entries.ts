import type { CollectionConfig } from "../config/index.js";
import { formatIssuePath, issueKeys } from "../config/index.js";
import { KilnError, catalog, type SourceLocation } from "../errors/index.js";
import { describeOrigin } from "./entry.js";
import { withData } from "./lazy-body.js";
import { locateField } from "./locate-field.js";
import type { ContentStore } from "./store.js";

/**
 * Runs each collection's schema over its entries and keeps the schema's output (defaults,
 * coerced dates, transforms). The first failure is reported at the field's line.
 */
export async function validateEntries(
  store: ContentStore,
  collections: Readonly<Record<string, CollectionConfig>>,
): Promise<void> {
  for (const [name, collection] of Object.entries(collections)) {
    store.addCollection(name);
    const schema = collection.schema;
    if (!schema) continue;
    for (const entry of store.list(name)) {
      const result = await schema["~standard"].validate(entry.data);
      if (!result.issues) {
        store.replace(withData(entry, result.value as Record<string, unknown>));
        continue;
      }
      const issue = result.issues[0]!;
      const keys = issueKeys(issue.path);
      const location: SourceLocation =
        "file" in entry.origin
          ? { file: entry.origin.file, ...locateField(entry.origin.file, keys) }
          : { file: describeOrigin(entry.origin) };
      throw new KilnError(
        catalog.EntryInvalid({
          collection: name,
          field: formatIssuePath(issue.path),
          problem: issue.message,
        }),
        location,
      );
    }
  }
}
