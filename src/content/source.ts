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
}
