import pLimit, { type LimitFunction } from "p-limit";
import type { SourceLogger } from "../content/index.js";
import { KilnError, catalog } from "../errors/index.js";
import { sha256 } from "../support/index.js";
import type { ResolvedFetchOptions } from "./fetch-options.js";
import { BodyTooLarge, readBody } from "./read-body.js";
import { ResponseCache, type CachedResponse } from "./response-cache.js";
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from "./retry-policy.js";
import type { Secrets } from "./secrets.js";

export interface HttpRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Readonly<Record<string, string>>;
  body?: string;
  /** Accepted media types; an entry starting with `+` matches a suffix (`+json`). */
  accept: readonly string[];
  /**
   * 4xx statuses whose body is still decoded, because it says what went wrong (GraphQL over
   * HTTP answers a bad query with 400 and the errors); decode is expected to throw.
   */
  readErrorBodyOf?: readonly number[];
}

/** Turns a response's text into a value; throws a KilnError naming `shownUrl` if it cannot. */
export type Decode<T> = (text: string, shownUrl: string) => T;

export interface HttpResult<T> {
  value: T;
  /** The URL that answered, after redirects. */
  url: string;
  header(name: string): string | null;
  fromCache: boolean;
}

export interface HttpClientOptions {
  source: string;
  /** Folder of the response cache, normally `.kiln/sources`. */
  cacheDir: string;
  /** Answer from the cache alone; a request not in it is an error. */
  offline: boolean;
  fetch: ResolvedFetchOptions;
  secrets: Secrets;
  logger: SourceLogger;
  /** Called as requests start and finish: done of total. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Response headers sources read, kept in the cache so offline builds can paginate. */
const KEPT_HEADERS = ["link", "x-wp-total", "x-wp-totalpages", "x-total-count"];

type Attempt<T> = { result: HttpResult<T> } | { retry: string; wait?: number | undefined };

/**
 * The one way sources reach the network: a timeout per attempt, bounded retries with
 * backoff and jitter, a size limit, a content-type check, a concurrency limit, and a cache
 * revalidated with ETag / Last-Modified. Decoding happens before the cache is written, so a
 * malformed response never replaces a good cached one.
 */
export class HttpClient {
  readonly #options: HttpClientOptions;
  readonly #cache: ResponseCache;
  readonly #limit: LimitFunction;
  readonly stats = { requests: 0, done: 0, fromCache: 0 };

  constructor(options: HttpClientOptions) {
    this.#options = options;
    this.#cache = new ResponseCache(options.cacheDir);
    this.#limit = pLimit(options.fetch.concurrency);
  }

  /** The URL as it may be shown: secrets replaced by `[env:NAME]`. */
  show(url: string): string {
    return this.#options.secrets.redact(url);
  }

  async request<T>(request: HttpRequest, decode: Decode<T>): Promise<HttpResult<T>> {
    this.stats.requests++;
    this.#options.onProgress?.(this.stats.done, this.stats.requests);
    try {
      const result = await this.#request(request, decode);
      if (result.fromCache) this.stats.fromCache++;
      return result;
    } finally {
      this.stats.done++;
      this.#options.onProgress?.(this.stats.done, this.stats.requests);
    }
  }

  async #request<T>(request: HttpRequest, decode: Decode<T>): Promise<HttpResult<T>> {
    const { source, offline, fetch: options, logger } = this.#options;
    const key = ResponseCache.key(request.method ?? "GET", request.url, request.body);
    const cached = await this.#cache.read(key);
    if (offline) {
      if (!cached) {
        throw new KilnError(catalog.SourceOfflineMissing({ source, url: this.show(request.url) }));
      }
      return this.#fromCache(cached, decode, request.url);
    }
    try {
      return await this.#fetchWithRetries(request, key, cached, decode);
    } catch (error) {
      if (!options.staleIfError || !cached || !KilnError.is(error)) throw error;
      logger.warn(
        `${error.message} Building from the cached response of ${cached.meta.fetchedAt} (staleIfError).`,
      );
      return this.#fromCache(cached, decode, request.url);
    }
  }

  async #fetchWithRetries<T>(
    request: HttpRequest,
    key: string,
    cached: CachedResponse | undefined,
    decode: Decode<T>,
  ): Promise<HttpResult<T>> {
    const { source, fetch: options } = this.#options;
    const url = this.show(request.url);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#limit(() => this.#attempt(request, key, cached, decode));
      if ("result" in outcome) return outcome.result;
      if (attempt > options.retries) {
        throw new KilnError(
          catalog.SourceFetchFailed({
            source,
            url,
            reason: outcome.retry,
            attempts: attempt,
            staleIfError: options.staleIfError,
          }),
        );
      }
      const wait = outcome.wait ?? backoffDelay(attempt, options.retryDelay);
      if (wait > options.maxRetryAfter) {
        const reason = `${outcome.retry}, and the server asked to retry after ${Math.ceil(wait / 1000)} s, longer than fetch.maxRetryAfter`;
        throw new KilnError(
          catalog.SourceFetchFailed({
            source,
            url,
            reason,
            attempts: attempt,
            staleIfError: options.staleIfError,
          }),
        );
      }
      await sleep(wait);
    }
  }

  async #attempt<T>(
    request: HttpRequest,
    key: string,
    cached: CachedResponse | undefined,
    decode: Decode<T>,
  ): Promise<Attempt<T>> {
    const { source, fetch: options, secrets } = this.#options;
    const url = this.show(request.url);
    const headers: Record<string, string> = {
      accept: request.accept.filter((a) => !a.startsWith("+")).join(", "),
      ...request.headers,
    };
    if (cached?.meta.etag) headers["if-none-match"] = cached.meta.etag;
    if (cached?.meta.lastModified) headers["if-modified-since"] = cached.meta.lastModified;
    const signal = AbortSignal.timeout(options.timeout);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method ?? "GET",
        headers,
        body: request.body,
        signal,
        redirect: "follow",
      });
    } catch (error) {
      return { retry: secrets.redact(describeNetworkError(error, signal, options.timeout)) };
    }
    if (response.status === 304 && cached) {
      await response.body?.cancel();
      return { result: this.#fromCache(cached, decode, request.url) };
    }
    if (isRetryableStatus(response.status)) {
      await response.body?.cancel();
      const wait = parseRetryAfter(response.headers.get("retry-after"));
      return { retry: `HTTP ${response.status}`, wait };
    }
    const readError = request.readErrorBodyOf?.includes(response.status) === true;
    if (!response.ok && !readError) {
      await response.body?.cancel();
      throw new KilnError(catalog.SourceHttpStatus({ source, url, status: response.status }));
    }
    const contentType = response.headers.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    if (
      !request.accept.some((a) => (a.startsWith("+") ? mediaType.endsWith(a) : mediaType === a))
    ) {
      await response.body?.cancel();
      const expected = request.accept.join(" or ");
      throw new KilnError(catalog.SourceContentType({ source, url, expected, found: contentType }));
    }
    let body: Uint8Array;
    try {
      body = await readBody(response, options.maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        throw new KilnError(catalog.SourceTooLarge({ source, url, limit: options.maxBytes }));
      }
      return { retry: secrets.redact(describeNetworkError(error, signal, options.timeout)) };
    }
    const value = decode(decodeUtf8(body, source, url), url);
    if (!response.ok) {
      throw new KilnError(catalog.SourceHttpStatus({ source, url, status: response.status }));
    }
    const kept: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const header = response.headers.get(name);
      if (header !== null) kept[name] = secrets.redact(header);
    }
    await this.#cache.write(
      key,
      {
        url,
        status: response.status,
        etag: response.headers.get("etag") ?? undefined,
        lastModified: response.headers.get("last-modified") ?? undefined,
        contentType,
        headers: kept,
        digest: sha256(body),
        fetchedAt: new Date().toISOString(),
      },
      body,
    );
    return {
      result: {
        value,
        url: response.url,
        header: (n) => response.headers.get(n),
        fromCache: false,
      },
    };
  }

  #fromCache<T>(cached: CachedResponse, decode: Decode<T>, requestUrl: string): HttpResult<T> {
    const { source, secrets } = this.#options;
    const value = decode(decodeUtf8(cached.body, source, cached.meta.url), cached.meta.url);
    const headers = cached.meta.headers;
    return {
      value,
      url: requestUrl,
      header: (name) => {
        const header = headers[name.toLowerCase()];
        return header === undefined ? null : secrets.restore(header);
      },
      fromCache: true,
    };
  }
}

function decodeUtf8(body: Uint8Array, source: string, url: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new KilnError(
      catalog.SourceResponseInvalid({ source, url, problem: "the body is not valid UTF-8" }),
    );
  }
}

/** Says what went wrong on the wire in words, without the request's headers. */
function describeNetworkError(error: unknown, signal: AbortSignal, timeout: number): string {
  if (signal.aborted) return `no complete response within ${timeout} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  if (message === "terminated") return "the connection closed before the whole response arrived";
  return cause?.code ? `${message} (${cause.code})` : message;
}
