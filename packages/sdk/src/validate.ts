/**
 * Schema checks at the edges of the client: what a caller passes in, and what the server sends
 * back. A failure becomes a `UsersApiError` whose message names the exact place that failed.
 *
 * @module
 */
import type { ZodMiniType } from 'zod/mini';
import { UsersApiError, type UsersApiErrorCode } from './errors.js';

/** `root` plus an issue path written the way a developer would: `items[3].status`. */
function formatPath(root: string, path: readonly PropertyKey[]): string {
  let text = root;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text ? `.${String(key)}` : String(key);
  }
  return text || 'body';
}

/**
 * Parses `value` with `schema`, or throws a `UsersApiError` with `code` whose message says where
 * the value is wrong, e.g. `Unexpected answer from GET /v1/users at items[3].status: Invalid input (invalid_value)`.
 */
export function parseWith<T>(
  schema: ZodMiniType<T>,
  value: unknown,
  code: Extract<UsersApiErrorCode, 'invalid_argument' | 'invalid_response'>,
  context: string,
  root = '',
  status = 0,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = formatPath(root, issue?.path ?? []);
  throw new UsersApiError(code, `${context} at ${where}: ${issue?.message} (${issue?.code})`, {
    status,
    cause: result.error,
  });
}
