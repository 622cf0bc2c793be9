/**
 * Checks of the options a caller hands the client: those of `createUsersClient` and the
 * `{ signal }` every method takes. Plain JavaScript callers (and `as any`) can pass anything;
 * a wrong option must fail at once with `invalid_argument`, not later as a TypeError inside
 * `fetch` or as a `network` error after retries.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { RequestOptions, UsersClientOptions } from './types.js';
import { parseWith } from './validate.js';

/** The longest timer a browser or Node can set (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

const isFunction = (value: unknown): boolean => typeof value === 'function';

/**
 * An `AbortSignal` of any realm (an iframe's too): a brand check, as `fetch` itself does, rather
 * than `instanceof`.
 */
const isAbortSignal = (value: unknown): boolean =>
  Object.prototype.toString.call(value) === '[object AbortSignal]';

const Milliseconds = z.number().check(z.nonnegative(), z.lte(MAX_TIMER_MS));

const ClientOptionsSchema = z.object({
  baseUrl: z.string(),
  getToken: z.optional(z.custom<UsersClientOptions['getToken']>(isFunction, 'must be a function')),
  credentials: z.optional(z.enum(['omit', 'same-origin', 'include'])),
  fetch: z.optional(z.custom<typeof globalThis.fetch>(isFunction, 'must be a function')),
  timeoutMs: z.optional(z.number().check(z.positive(), z.lte(MAX_TIMER_MS))),
  retry: z.optional(
    z.object({
      limit: z.optional(z.number().check(z.int(), z.nonnegative())),
      backoffMs: z.optional(Milliseconds),
      maxDelayMs: z.optional(Milliseconds),
    }),
  ),
});

const RequestOptionsSchema = z.optional(
  z.object({ signal: z.optional(z.custom<AbortSignal>(isAbortSignal, 'must be an AbortSignal')) }),
);

/** Throws `invalid_argument`, naming the option, unless `options` can make a working client. */
export function checkClientOptions(options: unknown): asserts options is UsersClientOptions {
  parseWith(ClientOptionsSchema, options, 'invalid_argument', 'Invalid client option', 'options');
}

/** The options of one call, checked; throws `invalid_argument` naming the bad one. */
export function parseRequestOptions(options: unknown): RequestOptions {
  return parseWith(RequestOptionsSchema, options, 'invalid_argument', 'Invalid argument', 'options') ?? {};
}
