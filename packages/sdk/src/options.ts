/**
 * Checks of the options a caller hands the client: those of `createUsersClient` and the
 * `{ signal }` every method takes. Plain JavaScript callers (and `as any`) can pass anything;
 * a wrong option must fail at once with `invalid_argument`, not later as a TypeError inside
 * `fetch` or as a `network` error after retries.
 *
 * @module
 */
import type { Schema } from './json-schema.js';
import type { RequestOptions, UsersClientOptions } from './types.js';
import { checkArgument, parseWith } from './validate.js';

/** The longest timer a browser or Node can set (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

const milliseconds = { type: 'number', minimum: 0, maximum: MAX_TIMER_MS } as const;

/** The `{ signal }` every method takes (a signal of any realm: the checker tests its brand). */
const RequestOptionsJson: Schema<RequestOptions> = {
  type: 'object',
  properties: { signal: { type: 'AbortSignal' } },
};

const ClientOptionsJson: Schema<UsersClientOptions> = {
  type: 'object',
  properties: {
    baseUrl: { type: 'string' },
    getToken: { type: 'function' },
    fetch: { type: 'function' },
    credentials: { enum: ['omit', 'same-origin', 'include'] },
    timeoutMs: { ...milliseconds, minimum: 1 },
    retry: {
      type: 'object',
      properties: {
        limit: { type: 'integer', minimum: 0 },
        backoffMs: milliseconds,
        maxDelayMs: milliseconds,
      },
    },
  },
  required: ['baseUrl'],
};

/** Throws `invalid_argument`, naming the option, unless `options` can make a working client. */
export function checkClientOptions(options: unknown): asserts options is UsersClientOptions {
  parseWith(ClientOptionsJson, options, 'invalid_argument', 'Invalid client option', 'options');
}

/** The options of one call, checked; throws `invalid_argument` naming the bad one. */
export function parseRequestOptions(options: unknown): RequestOptions {
  return options === undefined ? {} : checkArgument(RequestOptionsJson, options, 'options');
}
