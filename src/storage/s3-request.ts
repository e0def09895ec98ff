import { AwsClient } from "aws4fetch";
import { XMLParser } from "fast-xml-parser";
import { KilnError, catalog } from "../errors/index.js";
import type { Credentials } from "./credentials.js";

/** Where a bucket lives and how to address it. */
export interface BucketLocation {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint such as http://127.0.0.1:9000. @default AWS S3 in `region` */
  endpoint?: string | undefined;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO, s3rver, most non-AWS stores). */
  forcePathStyle: boolean;
}

export interface RequestOptions {
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** The object key; none for bucket-level requests such as listing. */
  key?: string | undefined;
  query?: Record<string, string> | undefined;
  headers?: Record<string, string> | undefined;
  body?: Uint8Array | undefined;
  /** Hex SHA-256 of `body`, sent so the store checks the payload (not UNSIGNED-PAYLOAD). */
  bodySha256?: string | undefined;
  /** A 404 is an answer here (a missing key), not an error. */
  allowMissing?: boolean | undefined;
}

export interface Retry {
  /** Tries per request, the first included. @default 5 */
  attempts: number;
  /** Milliseconds before the first retry; doubled each time, with jitter. @default 250 */
  baseDelay: number;
  /** Milliseconds one try may take, body included. @default 30000 */
  timeout: number;
  /** Milliseconds every request together may take, counted from the client's creation. @default none */
  deadline?: number | undefined;
  /** Told before each retry, so a slow store is never silent. */
  onRetry?: ((message: string) => void) | undefined;
}

export const xml = new XMLParser({
  ignoreAttributes: true,
  // Keys such as "404.html" must stay strings.
  parseTagValue: false,
  isArray: (name) => ["Contents", "Error", "Deleted"].includes(name),
});

/**
 * Signs and sends one S3 request, retrying what the store asks to be retried (5xx, 429,
 * SlowDown) and network failures, with exponential backoff. Errors a user can fix (keys,
 * bucket, permissions) become coded errors at once; a 404 with `allowMissing` is undefined.
 */
export function createRequester(
  location: BucketLocation,
  credentials: Credentials,
  retry: Retry,
): (options: RequestOptions) => Promise<Response | undefined> {
  const signer = new AwsClient({
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    service: "s3",
    region: location.region,
    retries: 0,
  });
  const base = baseUrl(location);
  // One signal for the client's whole life: every try and every backoff ends when it fires.
  const deadline = retry.deadline === undefined ? undefined : AbortSignal.timeout(retry.deadline);
  return async (options) => {
    // Header values are sent as they are: a key id with a line break or a stray "\r" (a key
    // pasted from a Windows file) could not be sent, and retrying would only hide that.
    if (/[^\x21-\x7e]/.test(credentials.accessKeyId + (credentials.sessionToken ?? "")))
      throw new KilnError(
        catalog.StorageCredentialsRejected({
          bucket: location.bucket,
          source: credentials.source,
          code: "not sent: the key id or session token holds a space, line break or non-ASCII character",
        }),
      );
    const url = new URL(base);
    if (options.key !== undefined)
      url.pathname += options.key.split("/").map(encodeURIComponent).join("/");
    for (const [name, value] of Object.entries(options.query ?? {}))
      url.searchParams.set(name, value);
    const headers: Record<string, string> = { ...options.headers };
    if (options.bodySha256) headers["x-amz-content-sha256"] = options.bodySha256;
    let lastProblem = "";
    const operation = `${options.method} ${options.key ?? "(bucket)"}`;
    const pastDeadline = () =>
      new KilnError(
        catalog.StorageDeadline({
          bucket: location.bucket,
          seconds: Math.round(retry.deadline! / 100) / 10,
          operation,
        }),
      );
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (deadline?.aborted) throw pastDeadline();
      if (attempt > 1) {
        retry.onRetry?.(
          `Bucket "${location.bucket}": ${operation} failed (${lastProblem}), try ${attempt} of ${retry.attempts}…`,
        );
        await sleep(backoff(attempt - 1, retry.baseDelay), deadline);
        if (deadline?.aborted) throw pastDeadline();
      }
      let response: Response;
      try {
        const request = await signer.sign(url.toString(), {
          method: options.method,
          headers,
          // A Uint8Array is a valid fetch body; the DOM typings only lack ArrayBufferLike.
          body: options.body as BodyInit | undefined,
        });
        // A stalled connection counts as a failure to retry, not a hang.
        const timeout = AbortSignal.timeout(retry.timeout);
        const signal = deadline ? AbortSignal.any([timeout, deadline]) : timeout;
        // A store's redirect is an answer to report, not one to follow with signed headers.
        const answer = await fetch(request, { signal, redirect: "manual" });
        // The body is read under the same time limit: a store that sends headers and then
        // stalls is retried like one that never answered, not a hang or a stray rejection.
        const body = options.method === "HEAD" ? null : await answer.arrayBuffer();
        // A Response refuses a body with 204 or 304, even an empty one.
        response = new Response(body?.byteLength ? body : null, {
          status: answer.status,
          headers: answer.headers,
        });
      } catch (error) {
        if (deadline?.aborted) throw pastDeadline();
        lastProblem = describeNetworkError(error, retry.timeout);
        continue;
      }
      if (response.ok) return response;
      const text = options.method === "HEAD" ? "" : await response.text();
      const code = errorCode(text, response.status);
      if (response.status >= 500 || response.status === 429 || code === "SlowDown") {
        lastProblem = `${response.status} ${code}`;
        continue;
      }
      if (response.status === 404 && options.allowMissing && code !== "NoSuchBucket")
        return undefined;
      throw storageError(location, credentials, options, response.status, code, text);
    }
    throw new KilnError(
      catalog.StorageUnreachable({
        endpoint: base.origin,
        bucket: location.bucket,
        attempts: retry.attempts,
        reason: lastProblem,
      }),
    );
  };
}

/** Path-style `endpoint/bucket/`, or virtual-hosted `bucket.host/`, ending in a slash. */
function baseUrl(location: BucketLocation): URL {
  const endpoint = new URL(location.endpoint ?? `https://s3.${location.region}.amazonaws.com`);
  if (location.forcePathStyle) {
    endpoint.pathname = `${endpoint.pathname.replace(/\/$/, "")}/${encodeURIComponent(location.bucket)}/`;
  } else {
    endpoint.hostname = `${location.bucket}.${endpoint.hostname}`;
    endpoint.pathname = endpoint.pathname.replace(/\/?$/, "/");
  }
  return endpoint;
}

function errorCode(text: string, status: number): string {
  try {
    const parsed = xml.parse(text) as { Error?: { Code?: string }[] };
    const code = parsed.Error?.[0]?.Code;
    if (typeof code === "string") return code;
  } catch {
    // Not XML: fall back to the status.
  }
  return status === 404 ? "NoSuchKey" : status === 403 ? "AccessDenied" : `HTTP${status}`;
}

const rejectedKeyCodes = new Set([
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "InvalidToken",
  "ExpiredToken",
  "TokenRefreshRequired",
  "AuthorizationHeaderMalformed",
]);

function storageError(
  location: BucketLocation,
  credentials: Credentials,
  options: RequestOptions,
  status: number,
  code: string,
  text: string,
): KilnError {
  const { bucket } = location;
  const source = credentials.source;
  if (rejectedKeyCodes.has(code))
    return new KilnError(catalog.StorageCredentialsRejected({ bucket, source, code }));
  if (code === "NoSuchBucket")
    return new KilnError(
      catalog.StorageBucketMissing({ bucket, endpoint: location.endpoint ?? "AWS S3" }),
    );
  const operation = `${options.method} ${options.key ?? "(bucket)"}`;
  if (status === 403)
    return new KilnError(catalog.StorageAccessDenied({ bucket, operation, source }));
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? "";
  return new KilnError(catalog.StorageRequestFailed({ bucket, operation, status, code, message }));
}

function describeNetworkError(error: unknown, timeout: number): string {
  if ((error as Error).name === "TimeoutError") return `no answer in ${timeout / 1000}s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause) return cause.code ?? cause.message ?? String(cause);
  // A fetch TypeError without a cause quotes the header it refused, which may hold a key.
  return /header/i.test((error as Error).message)
    ? "a header value fetch refused to send"
    : (error as Error).message;
}

/** A random time between half of and the whole of `base · 2^(retry-1)`, at most 20 s. */
function backoff(retry: number, base: number): number {
  const ceiling = Math.min(20_000, base * 2 ** (retry - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Waits `ms`, or less when `signal` fires first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
