/**
 * Checks at the edges of the client: what a caller passes in, and what the server sends back.
 * A failure becomes a `UsersApiError` whose message names the exact place that failed.
 *
 * @module
 */
import { UsersApiError, type UsersApiErrorCode } from './errors.js';
import { parse, SchemaIssue, type IssuePath, type Schema } from './json-schema.js';

/** `root` plus an issue path written the way a developer would: `items[3].status`. */
function formatPath(root: string, path: Readonly<IssuePath>): string {
  let text = root;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text ? `.${key}` : key;
  }
  return text || 'body';
}

/**
 * Returns `value`, with only the properties the contract names, when it fits `schema`; or throws a `UsersApiError` with `code` whose message says
 * where the value is wrong, e.g. `Unexpected answer from GET /v1/users at items[3].status: expected one of "active", "inactive"`.
 */
export function parseWith<T>(
  schema: Schema<T>,
  value: unknown,
  code: Extract<UsersApiErrorCode, 'invalid_argument' | 'invalid_response'>,
  context: string,
  root = '',
  status = 0,
): T {
  try {
    return parse(schema, value);
  } catch (issue) {
    if (!(issue instanceof SchemaIssue)) throw issue;
    throw new UsersApiError(code, `${context} at ${formatPath(root, issue.path)}: ${issue.message}`, {
      status,
    });
  }
}

/** Checks one argument of a call; a rejected argument never reaches the network. */
export const checkArgument = <T>(schema: Schema<T>, value: unknown, name: string): T =>
  parseWith(schema, value, 'invalid_argument', 'Invalid argument', name);
