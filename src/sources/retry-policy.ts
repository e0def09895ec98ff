/** Statuses worth another try: the server is overloaded or failed, not refusing us. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * Milliseconds to wait before retry `attempt` (1-based): exponential backoff with jitter,
 * a random time between half of and the whole of `base · 2^(attempt-1)`, capped at 30 s.
 */
export function backoffDelay(attempt: number, base: number, random = Math.random): number {
  const ceiling = Math.min(30_000, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * A `Retry-After` header in milliseconds: delta-seconds or an HTTP date. Undefined when
 * absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
