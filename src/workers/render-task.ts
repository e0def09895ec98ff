import type { StoreSnapshot } from "../content/index.js";
import { KilnError, type SourceLocation } from "../errors/index.js";
import { thrownReason } from "../support/index.js";
import type { IslandManifest, SiteInfo } from "../render/index.js";
import type { MarkdownBody, RuntimeSpec } from "../runtime/index.js";

/** What every worker starts with, as `workerData`. */
export interface WorkerInit {
  store: StoreSnapshot;
  /** The site runtime the main thread renders with, as data: the worker makes the same. */
  runtime: RuntimeSpec;
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
  /** A markdown page's body, rendered into its props here. */
  markdown?: MarkdownBody | undefined;
  /** Not an HTML page: the component's return value is the file. */
  endpoint?: boolean | undefined;
  /** Absolute path the worker writes the page to, so HTML never crosses back to the main thread. */
  outFile: string;
  /** The output folder, where the page's local images go. */
  outDir: string;
}

export interface WrittenPage {
  /** Bytes written: the page and the images it wrote first. */
  bytes: number;
  /** SHA-256 of the page file, for the incremental cache (so nothing reads it back). */
  digest?: string | undefined;
  /** Store reads the render made, as `trackReads` reports them. */
  reads: string[];
  /** Output paths of the files the page needs beside it (see `RenderedPage.assets`). */
  assets: string[];
  /** Of those, the ones this render wrote (no other page had). */
  wroteAssets: number;
  /** Warnings the render gave (a code block in an unknown language). */
  warnings: string[];
  /** Broken links to markdown files, reported together once every page has rendered. */
  problems: SerializedError[];
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
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : undefined;
  return { kiln: false, message: thrownReason(error), stack };
}

export function reviveError(error: SerializedError): Error {
  if (error.kiln) return new KilnError(error, error.location);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
