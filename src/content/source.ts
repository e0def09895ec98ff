import type { ContentStore } from "./store.js";

export interface SourceLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** What a source gets to do its job. */
export interface SourceContext {
  /** The project folder. */
  root: string;
  store: ContentStore;
  logger: SourceLogger;
  /** sha256 hex of text or bytes; entries carry it so caches can key on it. */
  digest: (content: string | Uint8Array) => string;
  /** Where sources keep their caches (`.kiln/` of the project). @default `<root>/.kiln` */
  cacheDir?: string;
  /** `kiln build --offline`: remote sources answer from their cache alone. @default false */
  offline?: boolean;
  /** Reports a source's progress (requests done of those started), shown live on a terminal. */
  progress?: (done: number, total: number) => void;
}

/**
 * A content source: files, a REST API, a CMS. The built-in file source is written on this
 * interface exactly as a third-party source would be.
 */
export interface Source {
  name: string;
  load(context: SourceContext): Promise<void>;
  /**
   * The collections this source fills, so that sources reading them run after it.
   * @default not said: the source runs in its place in the config's order
   */
  collections?: readonly string[] | undefined;
  /**
   * Collections this source reads from `context.store` (`store.list("generators")`): they are
   * loaded, validated against their schemas and without drafts before it runs. A cycle of
   * reads is an error. @default []
   */
  reads?: readonly string[] | undefined;
  /**
   * When the source is unavailable (an environment variable not set, a server that cannot be
   * reached or answers with an error status, `--offline` with nothing cached), it gives no
   * entries and one warning, and pages that list its collection build with it empty.
   * @default false: an unavailable source fails the build
   */
  optional?: boolean | undefined;
}
