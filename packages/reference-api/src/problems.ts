/**
 * `application/problem+json` answers (RFC 9457) with the contract's machine-readable `code`.
 *
 * @module
 */
import type { ApiErrorCode, Problem } from '@jt-users/sdk/schemas';

/** Codes the contract defines, plus the ones the reference API uses for routing and faults. */
export type ProblemCode =
  ApiErrorCode | 'unknown_endpoint' | 'method_not_allowed' | 'server_error' | (string & {});

/** Where a problem's `type` points: one stable URI per code, so clients can link to docs. */
export const PROBLEM_TYPE_BASE = 'https://jt-users.dev/problems/';

const TITLES: Record<string, string> = {
  invalid_request: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  unknown_endpoint: 'Unknown endpoint',
  method_not_allowed: 'Method not allowed',
  self_deactivation: 'You cannot deactivate yourself',
  last_admin: 'The organization needs an active Admin',
  rate_limited: 'Too many requests',
  server_error: 'Server error',
};

/** Builds the problem body for `code`; the title comes from the code so every answer agrees. */
export function createProblem(status: number, code: ProblemCode, detail?: string): Problem {
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code] ?? 'Error',
    status,
    code,
  };
  if (detail !== undefined) problem.detail = detail;
  return problem;
}

/**
 * Thrown by the store (and the request parsing) when a rule refuses a request. The API turns it
 * into a problem+json answer; code that uses the store directly can inspect `status` and `code`.
 */
export class ApiProblemError extends Error {
  override readonly name = 'ApiProblemError';
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;

  constructor(status: number, code: ProblemCode, detail: string) {
    super(`${status} ${code}: ${detail}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** The problem+json body of this error. */
  toProblem(): Problem {
    return createProblem(this.status, this.code, this.detail);
  }
}

/** Headers every answer of the API carries: answers are per-user and change, so nothing is cached. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

/** A JSON answer. */
export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(NO_STORE)) all.set(name, value);
  return new Response(JSON.stringify(body), { status, headers: all });
}

/** A problem+json answer. */
export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('content-type', 'application/problem+json; charset=utf-8');
  for (const [name, value] of Object.entries(NO_STORE)) all.set(name, value);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: all });
}
