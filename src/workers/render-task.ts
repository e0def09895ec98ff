import type { StoreSnapshot } from "../content/index.js";
import { KilnError, type SourceLocation } from "../errors/index.js";
import type { MarkdownOptions } from "../markdown/index.js";
import type { IslandManifest, SiteInfo } from "../render/index.js";

/** What every worker starts with, as `workerData`. */
export interface WorkerInit {
  store: StoreSnapshot;
  /** Without `warn`: functions cannot cross to a worker (it only warns when highlighting). */
  markdown: Omit<MarkdownOptions, "warn">;
  /** Markdown page file → URL, for rewriting `./other.md` links as the main thread does. */
  pageUrls: [string, string][];
  /** The assets stage's client bundles, so islands are marked as on the main thread. */
  islands: IslandManifest | undefined;
  /** Mirrors the main thread, so a worker's stack frames name the user's .tsx lines too. */
  sourceMaps: boolean;
}

/** One page to render. `module` is the URL of the compiled module whose default export is the component. */
export interface RenderTask {
  url: string;
  file: string;
  page: string;
  /** Undefined for markdown pages rendered with Kiln's built-in layout. */
  module: string | undefined;
  props: Record<string, unknown>;
  site: SiteInfo;
  /** Tags for the page's `<head>` (its styles, the site's scripts), from the assets stage. */
  headTags: string[];
  /** Absolute path the worker writes the page to, so HTML never crosses back to the main thread. */
  outFile: string;
}

export interface WrittenPage {
  /** Bytes written. */
  bytes: number;
  /** Store reads the render made, as `trackReads` reports them. */
  reads: string[];
}

export type WorkerReply =
  { id: number; ok: true; page: WrittenPage } | { id: number; ok: false; error: SerializedError };

/** Errors cross the thread boundary as data: a KilnError must stay a KilnError. */
export type SerializedError =
  | {
      kiln: true;
      code: string;
      title: string;
      message: string;
      hint: string | undefined;
      location: SourceLocation | undefined;
    }
  | { kiln: false; message: string; stack: string | undefined };

export function serializeError(error: unknown): SerializedError {
  if (KilnError.is(error)) {
    const { code, title, message, hint, location } = error;
    return { kiln: true, code, title, message, hint, location };
  }
  const { message, stack } =
    error instanceof Error ? error : { message: String(error), stack: undefined };
  return { kiln: false, message, stack };
}

export function reviveError(error: SerializedError): Error {
  if (error.kiln) return new KilnError(error, error.location);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
