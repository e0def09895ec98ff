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

export function createS3Client(options: S3ClientOptions): S3Client {
  const request = createRequester(options, options.credentials, {
    attempts: options.retry?.attempts ?? 5,
    baseDelay: options.retry?.baseDelay ?? 250,
    timeout: options.retry?.timeout ?? 120_000,
  });
  return {
    bucket: options.bucket,
    credentialsSource: options.credentials.source,
    async list(prefix) {
      const objects: ListedObject[] = [];
      let token: string | undefined;
      do {
        const query: Record<string, string> = { "list-type": "2", prefix, "max-keys": "1000" };
        if (token) query["continuation-token"] = token;
        const response = await request({ method: "GET", query });
        const parsed = xml.parse(await response!.text()) as {
          ListBucketResult?: {
            Contents?: { Key: string; ETag: string; Size: string }[];
            IsTruncated?: string;
            NextContinuationToken?: string;
          };
        };
        const result = parsed.ListBucketResult ?? {};
        for (const item of result.Contents ?? [])
          objects.push({ key: item.Key, etag: unquote(item.ETag), size: Number(item.Size) });
        token = result.IsTruncated === "true" ? result.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    async put(key, body, put = {}) {
      const headers: Record<string, string> = {
        "content-length": String(body.byteLength),
      };
      if (put.contentType) headers["content-type"] = put.contentType;
      if (put.cacheControl) headers["cache-control"] = put.cacheControl;
      if (put.contentEncoding) headers["content-encoding"] = put.contentEncoding;
      if (put.redirectLocation) headers["x-amz-website-redirect-location"] = put.redirectLocation;
      for (const [name, value] of Object.entries(put.metadata ?? {}))
        headers[`x-amz-meta-${name}`] = value;
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
        const parsed = xml.parse(await response!.text()) as {
          DeleteResult?: { Error?: { Key: string; Code: string }[] };
        };
        const failed = parsed.DeleteResult?.Error ?? [];
        if (failed.length > 0) {
          const first = failed[0]!;
          throw new KilnError(
            catalog.StorageRequestFailed({
              bucket: options.bucket,
              operation: `DELETE ${first.Key}`,
              status: 200,
              code: first.Code,
              message: `${failed.length} of ${batch.length} deletions failed`,
            }),
          );
        }
      }
    },
  };
}

function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, "");
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
