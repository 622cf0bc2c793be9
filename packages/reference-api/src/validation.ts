/**
 * Validation of query strings and bodies against the contract's schemas, with a `detail` that
 * names what is wrong. `zod/mini` ships no English messages by default (loading them would change
 * zod's global configuration for the whole page), so the issues are described here.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { ApiProblemError } from './problems.js';

type Issue = z.core.$ZodIssue;

/**
 * Parses `value` with `schema`.
 *
 * @param subject What the value is, for the detail when the issue has no path (e.g. "body").
 * @throws ApiProblemError 400 `invalid_request` listing every issue.
 */
export function parseOrThrow<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  subject: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiProblemError(
    400,
    'invalid_request',
    result.error.issues.map((issue) => describeIssue(issue, subject)).join('; '),
  );
}

/** One issue as "where: what", e.g. `limit: must be at most 200`. */
export function describeIssue(issue: Issue, subject: string): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : subject;
  return `${where}: ${describeProblem(issue, subject === 'query' ? 'parameter' : 'field')}`;
}

function describeProblem(issue: Issue, keyNoun: string): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'number' && issue.input !== undefined
        ? 'must be a number'
        : `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must have at least ${String(issue.minimum)} characters`
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must have at most ${String(issue.maximum)} characters`
        : `must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `unknown ${keyNoun}${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input'
        ? issue.message
        : `must be a valid ${issue.format}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * The JSON body of a request.
 *
 * @throws ApiProblemError 400 `invalid_request` when the body is empty, not JSON, or not sent as
 * JSON: a form or plain text is what any web page may send without asking (no CORS preflight).
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new ApiProblemError(400, 'invalid_request', 'body: must be sent as application/json');
  }
  const text = await request.text();
  if (text.trim() === '') throw new ApiProblemError(400, 'invalid_request', 'body: must be a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblemError(400, 'invalid_request', 'body: is not valid JSON');
  }
}
