/**
 * The contract's 429: at most so many requests per signed-in user in any window of time, counted
 * over a sliding window, so a client sees the same `Retry-After` a production gateway would send.
 * Off unless asked for (`rateLimit` of `createReferenceApi`, `--rate-limit` of the CLI).
 *
 * @module
 */

/** How many requests each signed-in user may send in any window of `windowMs`. */
export interface RateLimit {
  /** Requests allowed in a window; at least 1. */
  requests: number;
  /** The window, in milliseconds; at least 1. */
  windowMs: number;
}

/** Counts requests by caller; see {@link RateLimiter.take}. */
export class RateLimiter {
  /** The limit it holds (a copy of the one given). */
  readonly limit: RateLimit;
  readonly #now: () => number;
  /** When each caller's requests in the current window were accepted, oldest first. */
  readonly #accepted = new Map<string, number[]>();

  constructor(limit: RateLimit, now: () => number = Date.now) {
    for (const key of ['requests', 'windowMs'] as const) {
      if (!Number.isInteger(limit[key]) || limit[key] < 1)
        throw new RangeError(`rateLimit.${key} must be a whole number of at least 1, got ${limit[key]}.`);
    }
    this.limit = { ...limit };
    this.#now = now;
  }

  /**
   * Counts one request of `caller` and returns 0, or, when the caller has used up the window,
   * counts nothing and returns the whole seconds until one more request will be accepted (the
   * value of `Retry-After`, at least 1).
   */
  take(caller: string): number {
    const now = this.#now();
    const windowStart = now - this.limit.windowMs;
    const accepted = (this.#accepted.get(caller) ?? []).filter((time) => time > windowStart);
    this.#accepted.set(caller, accepted);
    const oldest = accepted[0];
    if (accepted.length < this.limit.requests || oldest === undefined) {
      accepted.push(now);
      return 0;
    }
    return Math.max(1, Math.ceil((oldest - windowStart) / 1000));
  }

  /** Forgets every count. */
  reset(): void {
    this.#accepted.clear();
  }
}
