import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "../support/index.js";

/**
 * What is kept of a response. The metadata file is meant to be readable by people, so the
 * URL and headers in it have secrets replaced (see Secrets.redact); the body sits beside it.
 */
export interface CachedMeta {
  /** The URL, with secrets redacted. */
  url: string;
  status: number;
  etag?: string | undefined;
  lastModified?: string | undefined;
  contentType: string;
  /** Response headers sources read (Link, X-WP-TotalPages), secrets redacted. */
  headers: Record<string, string>;
  /** sha256 of the body; a body that does not match (a torn write) is ignored. */
  digest: string;
  fetchedAt: string;
}

export interface CachedResponse {
  meta: CachedMeta;
  body: Uint8Array;
}

/** One file pair per request under `.kiln/sources/`, named by a hash of the request. */
export class ResponseCache {
  constructor(readonly dir: string) {}

  /** Method, URL (secrets included) and body identify a request; only their hash is stored. */
  static key(method: string, url: string, body: string | undefined): string {
    return sha256(`${method}\n${url}\n${body ?? ""}`);
  }

  async read(key: string): Promise<CachedResponse | undefined> {
    try {
      const meta = JSON.parse(await readFile(this.#file(key, "json"), "utf8")) as CachedMeta;
      const body = new Uint8Array(await readFile(this.#file(key, "body")));
      return sha256(body) === meta.digest ? { meta, body } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Body first, then metadata, each by rename: a reader never sees half a file. */
  async write(key: string, meta: CachedMeta, body: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await writeFile(this.#file(key, "body") + tmp, body);
    await rename(this.#file(key, "body") + tmp, this.#file(key, "body"));
    await writeFile(this.#file(key, "json") + tmp, JSON.stringify(meta, null, 2) + "\n");
    await rename(this.#file(key, "json") + tmp, this.#file(key, "json"));
  }

  #file(key: string, extension: string): string {
    return path.join(this.dir, `${key}.${extension}`);
  }
}
