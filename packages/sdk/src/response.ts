/**
 * Turning an HTTP answer into a value of the contract, or into a `UsersApiError`.
 *
 * @module
 */
import { DEFAULT_MESSAGES, UsersApiError, type UsersApiErrorCode } from './errors.js';
import { API_ERROR_CODES } from './constants.js';
import type { Schema } from './json-schema.js';
import { parseRetryAfter } from './retry.js';
import { parseWith } from './validate.js';

/**
 * The code an answer without a usable problem body gets, by status. 409 is left out: it has two
 * meanings. So is 404: the contract's "no such user" always comes as a problem, and a bare 404
 * (a proxy's page, a `baseUrl` that misses the API) says nothing about a user.
 */
const CODE_BY_STATUS: Readonly<Record<number, keyof typeof DEFAULT_MESSAGES>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  429: 'rate_limited',
};

/**
 * A member of an error answer's body if it is text. RFC 9457 makes every member of a problem
 * optional and says one of the wrong type is ignored, not the whole problem: servers leave out
 * `type`, send `status` as text or `title` as null, and the code still counts.
 */
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The answer's JSON, or undefined when it is not JSON at all (an HTML error page, an empty body). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The body of a successful answer, checked against `schema`. */
export async function readBody<T>(response: Response, schema: Schema<T>, context: string): Promise<T> {
  const body = await readJson(response);
  if (body === undefined) {
    throw new UsersApiError('invalid_response', `${context}: the answer is not JSON`, {
      status: response.status,
    });
  }
  return parseWith(schema, body, 'invalid_response', context, '', response.status);
}

/**
 * The error a failed answer stands for. A problem+json body with a contract code is taken at its
 * word; anything else (an HTML page from a proxy, a problem with a foreign code) gets its code
 * from the status. The message is the body's `detail` or `title` where it has one that is not
 * empty, else the status's default.
 */
export async function toResponseError(response: Response): Promise<UsersApiError> {
  const { status } = response;
  const body = await readJson(response).catch(() => undefined);
  // A primitive has no members; only null and undefined cannot be destructured.
  const { code, title, detail } = (body ?? {}) as Record<string, unknown>;
  const explained = asText(detail);
  const byStatus = CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'unknown');
  // Only a code of the contract is taken at its word.
  return new UsersApiError(
    (API_ERROR_CODES as readonly unknown[]).includes(code) ? (code as UsersApiErrorCode) : byStatus,
    explained || asText(title) || DEFAULT_MESSAGES[byStatus],
    {
      status,
      detail: explained,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    },
  );
}
