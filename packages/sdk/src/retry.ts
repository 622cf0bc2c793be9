/**
 * When to try a request again, and how long to wait first.
 *
 * @module
 */

/**
 * Tuning of the client's retries.
 *
 * @example
 * ```ts
 * createUsersClient({ baseUrl, retry: { limit: 4, backoffMs: 500 } });
 * ```
 */
export interface RetryOptions {
  /** How many times a failed request is tried again. Default 2; 0 turns retries off. */
  limit: number;
  /** The first wait of the exponential backoff; each later wait doubles it. Default 300. */
  backoffMs?: number;
  /**
   * The longest the client waits before one retry. A `Retry-After` longer than this is not waited
   * out: the request fails at once (for a 429 with `rate_limited` and `retryAfterSeconds`), so the
   * caller can decide. Default 10 000.
   */
  maxDelayMs?: number;
}

/** Statuses that say "try again": the request timed out, was throttled, or the server failed. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/** `Retry-After` (RFC 9110: whole seconds or an HTTP date) in seconds from now; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  // Only a value with a word of three letters (a day or month name) goes to Date.parse, which
  // reads "1.5", "in 5" or "5, 5" (two headers joined) as dates long past: "retry at once"
  // instead of "unreadable".
  const seconds = /^\s*\d+\s*$/.test(value)
    ? Number(value)
    : (Date.parse(/[a-z]{3}/i.test(value) ? value : '') - now) / 1000;
  return Number.isNaN(seconds) ? undefined : Math.max(0, Math.ceil(seconds));
}

/**
 * How long to wait before retry number `retry` (0-based), or undefined when waiting as long as
 * the server asks would exceed `maxDelayMs`. The server's `Retry-After` wins over the backoff.
 * The backoff has jitter (between half and all of it), so many clients that failed together do not
 * come back together.
 */
export function retryDelay(
  retry: number,
  retryAfterSeconds: number | undefined,
  backoffMs: number,
  maxDelayMs: number,
): number | undefined {
  if (retryAfterSeconds !== undefined) {
    const asked = retryAfterSeconds * 1000;
    return asked <= maxDelayMs ? asked : undefined;
  }
  return Math.min(maxDelayMs, backoffMs * 2 ** retry * (0.5 + Math.random() / 2));
}
