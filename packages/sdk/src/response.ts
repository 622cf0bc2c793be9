/**
 * Turning an HTTP answer into a value of the contract, or into a `UsersApiError`.
 *
 * @module
 */
import { DEFAULT_MESSAGES, UsersApiError, type UsersApiErrorCode } from './errors.js';
import { API_ERROR_CODES } from './constants.js';
import { parse, type Schema } from './json-schema.js';
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
 * An error answer's body as far as it is read: RFC 9457 makes every member of a problem
 * optional, and servers leave out `type` or send `status` as text; only a `code` is needed.
 */
const ErrorBodyJson: Schema<{ code: string; title?: string; detail?: string }> = {
  type: 'object',
  properties: { code: { type: 'string' }, title: { type: 'string' }, detail: { type: 'string' } },
  required: ['code'],
};

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
 * word; anything else (an HTML page from a proxy, a problem with a foreign code) is judged by status.
 */
export async function toResponseError(response: Response): Promise<UsersApiError> {
  const { status } = response;
  const body = await readJson(response).catch(() => undefined);
  const problem = parse(ErrorBodyJson, body).value;
  const byStatus = CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'unknown');
  // Only a code of the contract is taken at its word.
  const code =
    problem && (API_ERROR_CODES as readonly string[]).includes(problem.code)
      ? (problem.code as UsersApiErrorCode)
      : byStatus;
  return new UsersApiError(code, problem?.detail ?? problem?.title ?? DEFAULT_MESSAGES[byStatus], {
    status,
    detail: problem?.detail,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}
