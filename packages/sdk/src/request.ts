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
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';
import type { UsersClientOptions } from './types.js';

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
  // http(s), no `user:password@` before the host (credentials would end up in errors; fetch
  // refuses them anyway), and no query or fragment: the calls' paths and queries go after the base.
  if (!url || !/^https?:\/\/[^@/]+\/[^?#]*$/.test(url.href)) {
    throw new UsersApiError(
      'invalid_argument',
      'Invalid client option at options.baseUrl: expected an http(s) URL with no credentials, query or fragment',
    );
  }
  return url.href;
}

/** Ends an attempt whose deadline passed. */
const abortTimedOut = (deadline: AbortController): void =>
  deadline.abort(new UsersApiError('timeout', DEFAULT_MESSAGES.timeout));

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

/** Builds the function every client method sends through. Throws `invalid_argument` for unusable options. */
export function createSend(options: UsersClientOptions): Send {
  checkClientOptions(options);
  const { getToken, timeoutMs = 10_000 } = options;
  const { limit = 2, backoffMs = 300, maxDelayMs = 10_000 } = options.retry ?? {};
  const api = ky.create({
    prefixUrl: resolveBaseUrl(options.baseUrl),
    credentials: options.credentials,
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
    // A header value is text with no line breaks or other controls, nor characters past Latin-1:
    // fetch would refuse it with an error that quotes the token, on every retry; and a token
    // object, say, would go out as "[object Object]".
    if (token != null && (typeof token != 'string' || /[^\t\x20-\xff]/.test(token)))
      throw new UsersApiError('unauthenticated', NO_TOKEN);
    return token;
  };

  // One refresh at a time, shared by every call that got a 401 meanwhile: a rotating refresh
  // token is spent by the first refresh, and a second one at the same time would be refused.
  let refreshing: Promise<string | undefined> | undefined;
  /** Forgets `refresh` as the shared one, unless a newer refresh has taken its place. */
  const forget = (refresh: Promise<unknown>) => {
    if (refreshing === refresh) refreshing = undefined;
  };
  const refreshToken = (): Promise<string | undefined> => {
    const refresh: Promise<string | undefined> = refreshing ?? readToken(true).finally(() => forget(refresh));
    return (refreshing = refresh);
  };

  const attempt = async <T>(
    method: 'GET' | 'PUT',
    path: string,
    schema: Schema<T>,
    init: SendOptions,
    signal: AbortSignal | undefined,
  ): Promise<T> => {
    // Not `throwIfAborted()`: signals of older polyfills lack it.
    if (signal?.aborted) throw signal.reason;
    // The current attempt's: its timer or the caller's abort ends it. Aborting a request also
    // closes its body, so an answer that stalls, or one not read, leaves no connection open.
    let deadline = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** A new deadline, `timeoutMs` from now, for a request or a token that may never come. */
    const arm = () => {
      clearTimeout(timer);
      deadline = new AbortController();
      timer = setTimeout(abortTimedOut, timeoutMs, deadline);
    };
    const abort = () => deadline.abort(signal!.reason);
    signal?.addEventListener('abort', abort);
    // `read`, or the reason the attempt ended: fetch honours the signal, but a `fetch` option or
    // `getToken` may not, and the call must settle all the same.
    const until = <R>(read: Promise<R>): Promise<R> => {
      const { signal: ended } = deadline;
      return Promise.race([
        read,
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        new Promise<never>((_, reject) => ended.addEventListener('abort', () => reject(ended.reason))),
      ]);
    };
    try {
      arm();
      let token = await until(readToken(false));
      let refreshed = false;
      for (let retries = 0; ;) {
        let response: Response | undefined;
        let failure: unknown;
        // One deadline for the headers and the body.
        arm();
        const attemptSignal = deadline.signal;
        try {
          response = await until(
            api(path, {
              method,
              ...init,
              headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
              // The attempt's signal goes to fetch, not to ky: given one, ky combines it with its own
              // through AbortSignal.any, which Node 20 never frees (megabytes per thousand calls).
              // The global fetch is looked up per call, so one patched later (mocks, tracing) is used.
              fetch: (request, rest) =>
                (options.fetch ?? globalThis.fetch)(request, { ...rest, signal: attemptSignal }),
            }),
          );
          if (response.ok)
            return await until(readBody(response, schema, `Unexpected answer from ${method} /${path}`));
        } catch (error) {
          // An answer whose body breaks off or stalls is retried like one that never came; an
          // answer that breaks the contract is not: asking again would bring the same.
          if (signal?.aborted || (error as UsersApiError | undefined)?.code === 'invalid_response')
            throw error;
          failure = error;
          response = undefined;
        }
        // The token may have expired a moment ago: ask for a fresh one, once, outside the retry budget.
        const refresh = response?.status === 401 && getToken && !refreshed;
        // Every call of the contract is a GET or a PUT that sets a target value, so repeating one is
        // safe. A non-idempotent method must not be retried: the server may have acted on it.
        const retryable = response ? isRetryableStatus(response.status) : true;
        const wait = refresh
          ? 0
          : retryable && retries < limit
            ? retryDelay(
                retries,
                response && parseRetryAfter(response.headers.get('retry-after')),
                backoffMs,
                maxDelayMs,
              )
            : undefined;
        if (wait === undefined) {
          if (!response) throw failure;
          throw await until(toResponseError(response));
        }
        // Done with this answer. Until the next attempt (a new token, or the wait before a retry),
        // only the caller's abort ends the call; the attempt's timer would keep a process alive.
        deadline.abort();
        clearTimeout(timer);
        deadline = new AbortController();
        if (refresh) {
          refreshed = true;
          arm();
          const shared = refreshToken();
          token = await until(shared).catch((error: unknown) => {
            // A refresh that outlived a whole deadline is not waited on by later 401s: it may
            // never settle. One this call's caller stopped waiting for stays shared: other calls
            // may wait for it, and a second refresh beside it would spend a rotating token twice.
            if (!signal?.aborted) forget(shared);
            throw error;
          });
        } else {
          retries++;
          await until(new Promise((resolve) => (timer = setTimeout(resolve, wait))));
        }
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
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
