/** How a source talks to its server. Every field has a default; most sources set none. */
export interface FetchOptions {
  /** Milliseconds one attempt may take, headers and body together. @default 30000 */
  timeout?: number;
  /** Attempts after the first, on network errors, timeouts, 5xx and 429. @default 3 */
  retries?: number;
  /**
   * Base of the exponential backoff in milliseconds: retry n waits a random time between
   * half of and the whole of `retryDelay · 2^n` (jitter, so many clients do not retry in step).
   * @default 500
   */
  retryDelay?: number;
  /** Longest `Retry-After` honoured, in milliseconds; a server asking for more fails. @default 60000 */
  maxRetryAfter?: number;
  /** Largest response body accepted, in bytes. @default 52428800 (50 MiB) */
  maxBytes?: number;
  /** Requests of this source in flight at once. @default 6 */
  concurrency?: number;
  /**
   * When the server fails, build from the last cached response instead, with a warning.
   * Off by default: a failing source fails the build.
   * @default false
   */
  staleIfError?: boolean;
}

export type ResolvedFetchOptions = Required<FetchOptions>;

const DEFAULTS: ResolvedFetchOptions = {
  timeout: 30_000,
  retries: 3,
  retryDelay: 500,
  maxRetryAfter: 60_000,
  maxBytes: 50 * 1024 * 1024,
  concurrency: 6,
  staleIfError: false,
};

export function resolveFetchOptions(options: FetchOptions | undefined): ResolvedFetchOptions {
  const resolved = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  return resolved;
}
