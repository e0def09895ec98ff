import path from "node:path";
import type { ResolvedConfig } from "../config/index.js";
import { KilnError, catalog, fromSystemError } from "../errors/index.js";
import { sha256, thrownReason } from "../support/index.js";
import type { Source, SourceLogger } from "./source.js";
import { ContentStore } from "./store.js";
import { validateEntries } from "./validate-entries.js";

export interface LoadContentOptions {
  root: string;
  config: ResolvedConfig;
  sources: readonly Source[];
  logger: SourceLogger;
  /** Passed to sources; see SourceContext. */
  cacheDir?: string | undefined;
  offline?: boolean | undefined;
  /** Live progress of each source, such as requests done of those started. */
  onSourceProgress?: ((source: string, done: number, total: number) => void) | undefined;
  /** Gets each entry that fails its schema, instead of the first failing the load (`kiln check`). */
  onInvalidEntry?: ((error: KilnError) => void) | undefined;
  /** Keep entries whose data says `draft: true` (`kiln dev` does; builds leave them out). */
  drafts?: boolean | undefined;
}

/**
 * Runs every source into one store, then validates entries against their schemas and, unless
 * asked for drafts, removes the entries whose validated data says `draft: true`.
 */
export async function loadContent(options: LoadContentOptions): Promise<ContentStore> {
  const store = new ContentStore();
  for (const source of options.sources) {
    try {
      await source.load({
        root: options.root,
        store,
        logger: options.logger,
        digest: sha256,
        cacheDir: options.cacheDir ?? path.join(options.root, ".kiln"),
        offline: options.offline ?? false,
        progress: (done, total) => options.onSourceProgress?.(source.name, done, total),
      });
    } catch (error) {
      if (KilnError.is(error)) throw error;
      const system = fromSystemError(error);
      if (system) throw system;
      const reason = thrownReason(error);
      throw new KilnError(catalog.SourceFailed({ source: source.name, reason }), undefined, {
        cause: error,
      });
    }
  }
  await validateEntries(store, options.config.collections, options.onInvalidEntry);
  if (!options.drafts) {
    for (const name of store.names())
      for (const entry of store.list(name)) if (entry.data["draft"] === true) store.delete(entry);
  }
  return store;
}
