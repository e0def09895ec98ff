/** Where an entry came from; errors and the dependency graph point here. */
export type EntryOrigin =
  | {
      /** Absolute path of the file. */
      file: string;
      /** 1-based line of the file where the body starts (after front matter). */
      bodyLine: number;
    }
  | { url: string };

/** One piece of content: a markdown post, a JSON record, a CMS page. */
export interface Entry<D = Record<string, unknown>> {
  /** Unique within the collection; for files, the path without extension (`2024/hello`). */
  readonly id: string;
  readonly collection: string;
  readonly data: D;
  /** Markdown source of the body; empty for data-only entries. */
  readonly body: string;
  /** sha256 of the entry's source bytes: the key of every cache that depends on it. */
  readonly digest: string;
  readonly origin: EntryOrigin;
}

export function describeOrigin(origin: EntryOrigin): string {
  return "file" in origin ? origin.file : origin.url;
}
