/**
 * The transport under the client: one ky instance plus what the contract asks of every call:
 * the bearer token and its one refresh, a timeout per attempt, safe retries, and errors that never
 * carry credentials.
 *
 * The retry loop is ours rather than ky's so that the 401 refresh does not spend a retry, a
 * `Retry-After` beyond `maxDelayMs` ends the call instead of being shortened, and ky's errors
 * (which hold the request, Authorization header included) never reach the caller.
 *
 * @module
 */
import ky from 'ky';
import { DEFAULT_MESSAGES, UsersApiError } from './errors.js';
import type { Schema } from './json-schema.js';
import { checkClientOptions, parseRequestOptions } from './options.js';
import { readBody, toResponseError } from './response.js';
import { isRetryableStatus, parseRetryAfter, retryDelay, sleep } from './retry.js';
import type { UsersClientOptions } from './types.js';

const JSON_TYPE = 'application/json';

/** What one call sends besides its method and path. */
export interface SendOptions {
  json?: unknown;
  searchParams?: Record<string, string | number | undefined>;
}

/**
 * Sends one call of the contract and resolves with its body, checked against `schema`.
 * `options` is what the caller passed as the method's options, checked here.
 */
export type Send = <T>(
  method: 'GET' | 'PUT',
  path: string,
  schema: Schema<T>,
  options: unknown,
  init?: SendOptions,
) => Promise<T>;

/** `baseUrl` as an absolute http(s) URL; a relative one is resolved against the page, where there is one. */
function resolveBaseUrl(baseUrl: string): string {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  let url: URL | undefined;
  try {
    url = new URL(baseUrl, page);
  } catch {
    // Reported below, with a message that says what is expected.
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new UsersApiError(
      'invalid_argument',
      `Invalid client option at options.baseUrl: expected an http(s) URL${page ? ' or a path' : ''}`,
    );
  }
  return url.href;
}

/** When `getToken` fails, or gives what no request can carry. */
const NO_TOKEN = 'No usable access token.';

/** Whatever a call threw, as the one error type of the SDK. */
function toUsersApiError(error: unknown, signal: AbortSignal | undefined): UsersApiError {
  if (signal?.aborted)
    return new UsersApiError('aborted', DEFAULT_MESSAGES.aborted, { cause: signal.reason });
  // Our own errors, an attempt's deadline among them, are already what the caller gets.
  if (error instanceof UsersApiError) return error;
  return new UsersApiError('network', DEFAULT_MESSAGES.network, { cause: error });
}

/**
 * `read`, or its signal's reason once the signal aborts. Fetch errors a body whose request is
 * aborted, but a `fetch` option (a mock, a wrapper) may not: the call must settle all the same.
 */
function until<T>(read: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([
    read,
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  ]);
}

/** Builds the function every client method sends through. Throws `invalid_argument` for unusable options. */
export function createSend(options: UsersClientOptions): Send {
  checkClientOptions(options);
  const { getToken, timeoutMs = 10_000, retry } = options;
  const limit = retry?.limit ?? 2;
  const backoffMs = retry?.backoffMs ?? 300;
  const maxDelayMs = retry?.maxDelayMs ?? 10_000;
  const api = ky.create({
    prefixUrl: resolveBaseUrl(options.baseUrl),
    credentials: options.credentials,
    // Looked up per call, so a fetch patched after the client was created (mocks, tracing) is used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    // One deadline per attempt covers the headers and the body (ky's would end with the headers).
    timeout: false,
    retry: 0,
    throwHttpErrors: false,
  });

  const readToken = async (forceRefresh: boolean): Promise<string | undefined> => {
    let token: string | undefined;
    try {
      token = await getToken?.({ forceRefresh });
    } catch (cause) {
      throw new UsersApiError('unauthenticated', NO_TOKEN, { cause });
    }
    // A header value holds no line breaks or other controls, nor characters past Latin-1; fetch
    // would refuse it with an error that quotes the token, and refuse it again on every retry.
    if (token && /[^\t\x20-\xff]/.test(token)) throw new UsersApiError('unauthenticated', NO_TOKEN);
    return token;
  };

  const attempt = async <T>(
    method: 'GET' | 'PUT',
    path: string,
    schema: Schema<T>,
    init: SendOptions,
    signal: AbortSignal | undefined,
  ): Promise<T> => {
    signal?.throwIfAborted();
    let token = await readToken(false);
    let refreshed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      for (let retries = 0; ;) {
        let response: Response | undefined;
        let failure: unknown;
        // One deadline for the headers and the body. Aborting the request when it passes also
        // closes a body that stalls, rather than leaving the connection to the server.
        const deadline = new AbortController();
        clearTimeout(timer);
        timer = setTimeout(
          () => deadline.abort(new UsersApiError('timeout', DEFAULT_MESSAGES.timeout)),
          timeoutMs,
        );
        const bound = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
        try {
          response = await api(path, {
            method,
            json: init.json,
            searchParams: init.searchParams,
            signal: bound,
            headers: { accept: JSON_TYPE, ...(token && { authorization: `Bearer ${token}` }) },
          });
        } catch (error) {
          if (signal?.aborted) throw error;
          failure = error;
        }
        if (response?.status === 401 && getToken && !refreshed) {
          // The token may have expired a moment ago: ask for a fresh one, once, outside the retry budget.
          void response.body?.cancel();
          refreshed = true;
          token = await readToken(true);
          continue;
        }
        // Every call of the contract is a GET or a PUT that sets a target value, so repeating one is
        // safe. A non-idempotent method must not be retried: the server may have acted on it.
        const retryable = response ? isRetryableStatus(response.status) : true;
        const wait =
          retryable && retries < limit
            ? retryDelay(
                retries,
                response && parseRetryAfter(response.headers.get('retry-after')),
                backoffMs,
                maxDelayMs,
              )
            : undefined;
        if (wait === undefined) {
          if (!response) throw failure;
          if (response.ok)
            return await until(
              readBody(response, schema, `Unexpected answer from ${method} /${path}`),
              bound,
            );
          throw await until(toResponseError(response), bound);
        }
        void response?.body?.cancel();
        retries++;
        await sleep(wait, signal);
      }
    } finally {
      clearTimeout(timer);
    }
  };

  return async (method, path, schema, options, init = {}) => {
    const { signal } = parseRequestOptions(options);
    try {
      return await attempt(method, path, schema, init, signal);
    } catch (error) {
      throw toUsersApiError(error, signal);
    }
  };
}
