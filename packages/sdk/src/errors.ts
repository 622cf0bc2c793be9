/**
 * The one error type of the SDK. Every method of a client rejects with a `UsersApiError` and
 * nothing else, so callers can switch on `code` alone.
 *
 * @module
 */
import type { ApiErrorCode } from './schemas.js';

/**
 * The codes the client adds to the contract's own: failures that happen before, around or
 * after an answer rather than in it.
 *
 * - `network`: the server could not be reached, or the connection dropped.
 * - `timeout`: an attempt took longer than `timeoutMs`, and retries did not help; or `getToken`
 *   gave no token within `timeoutMs` (not retried).
 * - `aborted`: the caller's `signal` was aborted.
 * - `invalid_response`: the answer did not fit the contract (not JSON, an HTML page, a wrong field).
 * - `invalid_argument`: a method was called with an argument the contract refuses; nothing was sent.
 * - `server_error`: a 5xx answer that is not a problem of the contract.
 * - `unknown`: an answer the contract does not explain, such as a 404 without its problem body.
 *
 * @example
 * ```ts
 * if ((CLIENT_ERROR_CODES as readonly string[]).includes(error.code)) showRetryButton();
 * ```
 */
export const CLIENT_ERROR_CODES = [
  'network',
  'timeout',
  'aborted',
  'invalid_response',
  'invalid_argument',
  'server_error',
  'unknown',
] as const;

/**
 * Every `code` a {@link UsersApiError} can have: the contract's problem codes plus
 * {@link CLIENT_ERROR_CODES}.
 *
 * @example
 * ```ts
 * function describe(code: UsersApiErrorCode): string {
 *   return code === 'last_admin' ? 'Keep at least one Admin' : 'Something went wrong';
 * }
 * ```
 */
export type UsersApiErrorCode = ApiErrorCode | (typeof CLIENT_ERROR_CODES)[number];

/**
 * What a person is told when nobody explained the failure: the server answered without a problem
 * body, or there was no answer. Every other code comes with its own message.
 */
export const DEFAULT_MESSAGES = {
  invalid_request: 'Invalid request.',
  unauthenticated: 'Not signed in.',
  forbidden: 'Not allowed.',
  rate_limited: 'Too many requests.',
  network: 'Server unreachable.',
  timeout: 'Timed out.',
  aborted: 'Cancelled.',
  server_error: 'Server error.',
  unknown: 'Unknown error.',
} as const satisfies Partial<Record<UsersApiErrorCode, string>>;

/**
 * What {@link UsersApiError} carries besides its code and message.
 *
 * @example
 * ```ts
 * const details: UsersApiErrorDetails = { status: 429, retryAfterSeconds: 30 };
 * ```
 */
export interface UsersApiErrorDetails {
  /** The HTTP status of the answer; 0 when there was no answer. */
  status?: number;
  /** The server's explanation (the problem's `detail`), if it gave one. */
  detail?: string;
  /** How long the server asked to wait (`Retry-After`), in whole seconds. */
  retryAfterSeconds?: number;
  /** The underlying failure. Never a request object, so it never carries credentials. */
  cause?: unknown;
}

/**
 * The error every client method rejects with.
 *
 * `message` is meant for a person; `code` is meant for code. Credentials never appear in any
 * property of the error or of its `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await client.deactivateUser(id);
 * } catch (error) {
 *   if (isUsersApiError(error) && error.code === 'last_admin') alert(error.message);
 *   else throw error;
 * }
 * ```
 */
export class UsersApiError extends Error {
  override readonly name = 'UsersApiError';
  /** What went wrong, for code to act on. */
  readonly code: UsersApiErrorCode;
  /** The HTTP status of the answer; 0 when there was no answer (network, timeout, aborted, invalid_argument). */
  readonly status: number;
  /** The server's explanation (the problem's `detail`), if it gave one. */
  readonly detail: string | undefined;
  /** For `rate_limited` (and any answer with `Retry-After`): seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: UsersApiErrorCode, message: string, details: UsersApiErrorDetails = {}) {
    // Error takes `cause` from the details, and sets none when they have none.
    super(message, details);
    this.code = code;
    this.status = details.status ?? 0;
    this.detail = details.detail;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/**
 * Whether `value` is a {@link UsersApiError}, also when it comes from another realm (an iframe,
 * a `node:vm` context, a second copy of the SDK), where `instanceof` fails.
 *
 * @example
 * ```ts
 * promise.catch((error: unknown) => {
 *   if (isUsersApiError(error) && error.code === 'aborted') return;
 *   throw error;
 * });
 * ```
 */
export function isUsersApiError(value: unknown): value is UsersApiError {
  const candidate = value as Partial<UsersApiError> | null | undefined;
  return (
    value instanceof UsersApiError ||
    (candidate?.name === 'UsersApiError' &&
      typeof candidate.code === 'string' &&
      typeof candidate.status === 'number' &&
      typeof candidate.message === 'string')
  );
}
