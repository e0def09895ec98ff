import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ContentStore, Entry } from "../content/index.js";
import { sha256, toPosix } from "../support/index.js";

/**
 * Digests of what a page is made from, for incremental builds. Every digest is independent of
 * where the project folder is, so a cache restored in CI under another path still matches.
 */
export class InputDigests {
  readonly #root: string;
  readonly #rootInJson: string;
  readonly #store: ContentStore;
  readonly #files = new Map<string, Promise<string>>();
  readonly #reads = new Map<string, string>();

  constructor(root: string, store: ContentStore) {
    this.#root = root;
    this.#rootInJson = JSON.stringify(root).slice(1, -1);
    this.#store = store;
  }

  /** Digest of a set of files: their project-relative names and contents. Missing files count. */
  async files(files: readonly string[]): Promise<string> {
    const parts = await Promise.all(
      [...files].sort().map(async (file) => `${this.#relative(file)}\0${await this.#file(file)}`),
    );
    return sha256(parts.join("\n"));
  }

  /**
   * Digest of what store reads (`collection:posts`, `entry:posts/hello`) see now. A page whose
   * reads digest the same as when it was rendered would render the same again.
   */
  reads(keys: readonly string[]): string {
    return sha256(keys.map((key) => `${key}\0${this.#read(key)}`).join("\n"));
  }

  /**
   * Digest of a page's props as JSON, with the project folder's path taken out. Undefined when they
   * cannot be serialised (a cycle, a BigInt): such a page is always rendered.
   */
  props(props: unknown): string | undefined {
    let json: string | undefined;
    try {
      json = JSON.stringify(summarizeEntries(props, this.#store));
    } catch {
      return undefined;
    }
    if (json === undefined) return undefined;
    // The root as it appears inside JSON strings; a replacer function would be ten times slower.
    return sha256(json.split(this.#rootInJson).join("<root>"));
  }

  #relative(file: string): string {
    return path.isAbsolute(file) ? toPosix(path.relative(this.#root, file)) : file;
  }

  #file(file: string): Promise<string> {
    let digest = this.#files.get(file);
    if (!digest) {
      digest = readFile(file).then(sha256, () => "missing");
      this.#files.set(file, digest);
    }
    return digest;
  }

  #read(key: string): string {
    let digest = this.#reads.get(key);
    if (digest === undefined) {
      digest = this.#digestRead(key);
      this.#reads.set(key, digest);
    }
    return digest;
  }

  #digestRead(key: string): string {
    const store = this.#store;
    if (key.startsWith("collection:")) {
      const name = key.slice("collection:".length);
      if (!store.names().includes(name)) return "missing";
      return sha256(
        store
          .list(name)
          .map((entry) => `${entry.id}\0${entry.digest}`)
          .join("\n"),
      );
    }
    if (key.startsWith("entry:")) {
      const rest = key.slice("entry:".length);
      const slash = rest.indexOf("/");
      const name = rest.slice(0, slash);
      if (slash === -1 || !store.names().includes(name)) return "missing";
      return store.get(name, rest.slice(slash + 1))?.digest ?? "missing";
    }
    // A kind of read this version does not know: never equal, so the page is rendered.
    return `unknown:${Math.random()}`;
  }
}

/**
 * A content entry's body is by far the largest part of most props, and its `digest` (of the
 * source bytes the body came from) already stands for it: entries at the top two levels of
 * the props (`{ post }`, `{ posts: [...] }`) are digested as id, digest, data and origin. Only
 * the store's own entry objects, so a copy with another body is digested in full.
 */
function summarizeEntries(props: unknown, store: ContentStore): unknown {
  if (props === null || typeof props !== "object" || Array.isArray(props)) return props;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    out[key] = Array.isArray(value)
      ? value.map((item) => summarizeEntry(item, store))
      : summarizeEntry(value, store);
  }
  return out;
}

function summarizeEntry(value: unknown, store: ContentStore): unknown {
  if (value === null || typeof value !== "object") return value;
  const entry = value as Partial<Entry>;
  if (
    typeof entry.id !== "string" ||
    typeof entry.collection !== "string" ||
    !store.names().includes(entry.collection) ||
    store.get(entry.collection, entry.id) !== value
  )
    return value;
  return {
    entry: `${entry.collection}/${entry.id}`,
    digest: entry.digest,
    data: entry.data,
    origin: entry.origin,
  };
}
