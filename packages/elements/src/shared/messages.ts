/**
 * Turns an SDK error into the sentence a person reads next to the control that failed.
 *
 * @module
 */
import { isUsersApiError, type UsersApiError, type UsersApiErrorCode } from '@jt-users/sdk';
import { formatNumber, type Strings } from './i18n/localize.js';

type Sentence = (strings: Strings, error: UsersApiError, lang: string) => string;

const byCode: Partial<Record<UsersApiErrorCode, Sentence>> = {
  forbidden: (s) => s.errorForbidden,
  not_found: (s) => s.errorNotFound,
  self_deactivation: (s) => s.errorSelfDeactivation,
  last_admin: (s) => s.errorLastAdmin,
  rate_limited: (s, { retryAfterSeconds: seconds = 0 }, lang) =>
    s.errorRateLimited(seconds, formatNumber(seconds, lang)),
  unauthenticated: (s) => s.errorUnauthenticated,
  invalid_request: (s) => s.errorInvalidRequest,
  invalid_argument: (s) => s.errorInvalidRequest,
  network: (s) => s.errorNetwork,
  timeout: (s) => s.errorTimeout,
  invalid_response: (s) => s.errorInvalidResponse,
  server_error: (s) => s.errorServer,
};

/**
 * The localized message for an error, chosen by its `code` (never the server's own wording,
 * which is neither localized nor meant for end users). Unknown failures get a general sentence.
 */
export function errorMessage(error: unknown, strings: Strings, lang: string): string {
  if (!isUsersApiError(error)) return strings.errorUnknown;
  return byCode[error.code]?.(strings, error, lang) ?? strings.errorUnknown;
}

/** Whether an error only means "the caller stopped waiting": such errors are never shown or fired. */
export function isAbortError(error: unknown): boolean {
  if (isUsersApiError(error)) return error.code === 'aborted';
  return error instanceof DOMException && error.name === 'AbortError';
}
