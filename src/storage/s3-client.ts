import { createHash } from "node:crypto";
import { KilnError, catalog } from "../errors/index.js";
import type { Credentials } from "./credentials.js";
import { createRequester, xml, type BucketLocation, type Retry } from "./s3-request.js";

/** One object of a listing. The ETag is only an identity: it is not an MD5 for multipart uploads. */
export interface ListedObject {
  key: string;
  etag: string;
  size: number;
}

export interface PutOptions {
  contentType?: string | undefined;
  cacheControl?: string | undefined;
  contentEncoding?: string | undefined;
  /** `x-amz-website-redirect-location`: the website endpoint answers 301 to this. */
  redirectLocation?: string | undefined;
  /** User metadata (`x-amz-meta-*`), lower-case names. */
  metadata?: Record<string, string> | undefined;
}

/** The few S3 operations Kiln needs, on one bucket. */
export interface S3Client {
  readonly bucket: string;
  /** Where the keys came from, for messages; never the keys themselves. */
  readonly credentialsSource: string;
  list(prefix: string): Promise<ListedObject[]>;
  /** Stores `body` and returns its ETag. */
  put(key: string, body: Uint8Array, options?: PutOptions): Promise<string>;
  /** The object's bytes, or undefined when there is no such key. */
  get(key: string): Promise<Buffer | undefined>;
  /** The object's user metadata and ETag, or undefined when there is no such key. */
  head(key: string): Promise<{ etag: string; metadata: Record<string, string> } | undefined>;
  /** Deletes up to any number of keys, 1,000 per request. */
  deleteMany(keys: readonly string[]): Promise<void>;
}

export interface S3ClientOptions extends BucketLocation {
  credentials: Credentials;
  retry?: Partial<Retry> | undefined;
}

/**
 * Pages one listing may take: 10 million keys. A store that keeps answering "truncated" with
 * new tokens past that is not listing a bucket Kiln deployed.
 */
const MAX_LIST_PAGES = 10_000;

interface ListPage {
  ListBucketResult?: {
    Contents?: unknown[];
    IsTruncated?: unknown;
    NextContinuationToken?: unknown;
  };
}

export function createS3Client(options: S3ClientOptions): S3Client {
  const request = createRequester(options, options.credentials, {
    attempts: options.retry?.attempts ?? 5,
    baseDelay: options.retry?.baseDelay ?? 250,
    timeout: options.retry?.timeout ?? 30_000,
    deadline: options.retry?.deadline,
    onRetry: options.retry?.onRetry,
  });
  const badAnswer = (operation: string, problem: string) =>
    new KilnError(catalog.StorageBadAnswer({ bucket: options.bucket, operation, problem }));
  return {
    bucket: options.bucket,
    credentialsSource: options.credentials.source,
    async list(prefix) {
      const objects: ListedObject[] = [];
      const seen = new Set<string>();
      let token: string | undefined;
      for (let page = 1; ; page++) {
        const operation = `GET (listing of "${prefix}", page ${page})`;
        if (page > MAX_LIST_PAGES)
          throw badAnswer(operation, `more than ${MAX_LIST_PAGES} pages of keys`);
        const query: Record<string, string> = { "list-type": "2", prefix, "max-keys": "1000" };
        if (token) query["continuation-token"] = token;
        const response = await request({ method: "GET", query });
        const result = parseXml<ListPage>(await response!.text())?.ListBucketResult;
        if (!result || typeof result !== "object")
          throw badAnswer(operation, "a body that is not an S3 listing (no <ListBucketResult>)");
        for (const item of result.Contents ?? []) {
          const listed = listedObject(item);
          // A store that lists keys outside the prefix must not make Kiln cut and delete them.
          if (listed && listed.key.startsWith(prefix) && listed.key !== prefix)
            objects.push(listed);
        }
        if (result.IsTruncated !== "true") return objects;
        const next = result.NextContinuationToken;
        if (typeof next !== "string" || next === "")
          throw badAnswer(operation, "a truncated listing without a continuation token");
        if (seen.has(next))
          throw badAnswer(
            operation,
            "a continuation token it had already given (it would never end)",
          );
        seen.add(next);
        token = next;
      }
    },
    async put(key, body, put = {}) {
      const headers: Record<string, string> = {
        "content-length": String(body.byteLength),
      };
      if (put.contentType) headers["content-type"] = put.contentType;
      if (put.cacheControl) headers["cache-control"] = put.cacheControl;
      if (put.contentEncoding) headers["content-encoding"] = put.contentEncoding;
      // HTTP header values are bytes, and fetch refuses anything past Latin-1: a redirect to
      // /café/ goes as /caf%C3%A9/, which is the same URL to a browser.
      if (put.redirectLocation)
        headers["x-amz-website-redirect-location"] = encodeHeaderUrl(put.redirectLocation);
      for (const [name, value] of Object.entries(put.metadata ?? {}))
        headers[`x-amz-meta-${name}`] = encodeHeaderUrl(value);
      const bodySha256 = createHash("sha256").update(body).digest("hex");
      const response = await request({ method: "PUT", key, headers, body, bodySha256 });
      await response!.arrayBuffer();
      return unquote(response!.headers.get("etag") ?? "");
    },
    async get(key) {
      const response = await request({ method: "GET", key, allowMissing: true });
      return response ? Buffer.from(await response.arrayBuffer()) : undefined;
    },
    async head(key) {
      const response = await request({ method: "HEAD", key, allowMissing: true });
      if (!response) return undefined;
      const metadata: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name.startsWith("x-amz-meta-")) metadata[name.slice("x-amz-meta-".length)] = value;
      });
      return { etag: unquote(response.headers.get("etag") ?? ""), metadata };
    },
    async deleteMany(keys) {
      for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        const body = Buffer.from(
          `<Delete><Quiet>true</Quiet>${batch.map((k) => `<Object><Key>${escapeXml(k)}</Key></Object>`).join("")}</Delete>`,
        );
        // DeleteObjects requires an integrity header; Content-MD5 is the one every store knows.
        const md5 = createHash("md5").update(body).digest("base64");
        const response = await request({
          method: "POST",
          query: { delete: "" },
          headers: { "content-md5": md5, "content-type": "application/xml" },
          body,
          bodySha256: createHash("sha256").update(body).digest("hex"),
        });
        const parsed = parseXml<{ DeleteResult?: { Error?: { Key?: unknown; Code?: unknown }[] } }>(
          await response!.text(),
        );
        if (!parsed?.DeleteResult || typeof parsed.DeleteResult !== "object")
          throw badAnswer(
            `POST (delete ${batch.length} keys)`,
            "a body that is not an S3 delete result (no <DeleteResult>)",
          );
        const failed = parsed.DeleteResult.Error ?? [];
        if (failed.length > 0) {
          const first = failed[0]!;
          throw new KilnError(
            catalog.StorageRequestFailed({
              bucket: options.bucket,
              operation: `DELETE ${String(first.Key)}`,
              status: 200,
              code: String(first.Code),
              message: `${failed.length} of ${batch.length} deletions failed`,
            }),
          );
        }
      }
    },
  };
}

/** The parsed body, or undefined when it is not XML. */
function parseXml<T>(text: string): T | undefined {
  try {
    return xml.parse(text, true) as T;
  } catch {
    return undefined;
  }
}

/** One `<Contents>` entry, or undefined when it has no key (a store's garbage is skipped). */
function listedObject(item: unknown): ListedObject | undefined {
  if (!item || typeof item !== "object") return undefined;
  const { Key, ETag, Size } = item as { Key?: unknown; ETag?: unknown; Size?: unknown };
  if (typeof Key !== "string" || Key === "") return undefined;
  return { key: Key, etag: unquote(typeof ETag === "string" ? ETag : ""), size: Number(Size) || 0 };
}

/** Percent-encodes what a header cannot carry (controls, non-ASCII); ASCII URLs pass as they are. */
function encodeHeaderUrl(value: string): string {
  return value.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run));
}

function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, "");
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
