import path from "node:path";
import type { ResolvedConfig } from "../config/index.js";
import { KilnError, catalog, fromSystemError } from "../errors/index.js";
import { sha256, thrownReason } from "../support/index.js";
import type { Entry } from "./entry.js";
import type { Source, SourceContext, SourceLogger } from "./source.js";
import { orderSources } from "./source-order.js";
import { ContentStore } from "./store.js";
import { resolveReferences } from "./reference.js";
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
  /** The config file, where a cycle of sources' `reads` is located. */
  configFile?: string | undefined;
}

/**
 * What makes a source unavailable rather than wrong: with `optional: true` these give no
 * entries and a warning. A response of the wrong shape is still an error (the config is wrong).
 */
const UNAVAILABLE = new Set([
  "KILN_SOURCE_ENV_MISSING",
  "KILN_SOURCE_FETCH",
  "KILN_SOURCE_STATUS",
  "KILN_SOURCE_OFFLINE_MISSING",
]);

/**
 * Runs every source into one store, in dependency order (`reads`), then validates entries
 * against their schemas and, unless asked for drafts, removes the entries whose validated data
 * says `draft: true`. A collection a source reads is settled (validated, drafts out) before it
 * runs.
 */
export async function loadContent(options: LoadContentOptions): Promise<ContentStore> {
  const store = new ContentStore();
  const settled = new Set<string>();
  const settle = async (names: readonly string[]) => {
    const pending = names.filter((name) => !settled.has(name));
    if (pending.length === 0) return;
    await validateEntries(store, options.config.collections, options.onInvalidEntry, pending);
    for (const name of pending) {
      settled.add(name);
      store.addCollection(name);
      if (options.drafts) continue;
      for (const entry of store.list(name)) if (entry.data["draft"] === true) store.delete(entry);
    }
  };
  for (const source of orderSources(options.sources, options.configFile)) {
    await settle(source.reads ?? []);
    await runSource(source, store, options);
  }
  await settle([...new Set([...Object.keys(options.config.collections), ...store.names()])]);
  // After every source: a reference may point into a collection a later source filled.
  resolveReferences(store, options.config.collections, options.onInvalidEntry);
  return store;
}

async function runSource(
  source: Source,
  store: ContentStore,
  options: LoadContentOptions,
): Promise<void> {
  // An optional source's entries go back out if it fails halfway (a later page of an API).
  const added: Entry[] = [];
  const context: SourceContext = {
    root: options.root,
    store: source.optional ? recordingStore(store, added) : store,
    logger: options.logger,
    digest: sha256,
    cacheDir: options.cacheDir ?? path.join(options.root, ".kiln"),
    offline: options.offline ?? false,
    progress: (done, total) => options.onSourceProgress?.(source.name, done, total),
  };
  try {
    await source.load(context);
  } catch (error) {
    if (source.optional && KilnError.is(error) && UNAVAILABLE.has(error.code)) {
      for (const entry of added) store.delete(entry);
      for (const name of source.collections ?? []) store.addCollection(name);
      options.logger.warn(
        `optional source "${source.name}" gave no entries (${error.code}): ${error.message}`,
      );
      return;
    }
    if (KilnError.is(error)) throw error;
    const system = fromSystemError(error);
    if (system) throw system;
    const reason = thrownReason(error);
    throw new KilnError(catalog.SourceFailed({ source: source.name, reason }), undefined, {
      cause: error,
    });
  }
}

/** The store as an optional source sees it: what it adds is remembered, to take back. */
function recordingStore(store: ContentStore, added: Entry[]): ContentStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === "set")
        return (entry: Entry) => {
          target.set(entry);
          added.push(entry);
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
}
