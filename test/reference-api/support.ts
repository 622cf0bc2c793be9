/**
 * Shared pieces of the reference API's Node tests: a request helper that reads answers, and
 * fixtures for users with precise values.
 */
import assert from 'node:assert/strict';
import { ProblemSchema, type Problem, type User } from '@jt-users/sdk/schemas';
import { demoTokens, DROP, type ReferenceApi } from '@jt-users/reference-api';

/** Any origin and prefix: the API routes on the part from `/v1/` on. */
export const ORIGIN = 'http://api.test';

export interface CallOptions {
  /** Bearer token; default the demo Admin's. `null` sends no Authorization header. */
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** An answer, with the JSON body parsed when there is one. */
export interface Answer {
  status: number;
  headers: Headers;
  contentType: string;
  body: unknown;
}

/** Builds a request as a client would send it. */
export function makeRequest(method: string, path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? demoTokens.admin : options.token;
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return new Request(`${ORIGIN}${path}`, { method, headers, body, signal: options.signal });
}

/** Sends one request to `api.handle` and reads the answer; fails the test on a dropped connection. */
export async function call(
  api: ReferenceApi,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const response = await api.handle(makeRequest(method, path, options));
  assert.notEqual(response, DROP, `${method} ${path} dropped the connection`);
  return read(response as Response);
}

/** Reads a Response into an {@link Answer}. */
export async function read(response: Response): Promise<Answer> {
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const body = contentType.includes('json') && text !== '' ? (JSON.parse(text) as unknown) : text;
  return { status: response.status, headers: response.headers, contentType, body };
}

/** Asserts that an answer is the contract's problem+json with this status and code. */
export function assertProblem(answer: Answer, status: number, code: string): Problem {
  assert.equal(
    answer.status,
    status,
    `expected ${status} ${code}, got ${answer.status}: ${JSON.stringify(answer.body)}`,
  );
  assert.match(answer.contentType, /^application\/problem\+json/);
  const problem = ProblemSchema.parse(answer.body);
  assert.equal(problem.status, status);
  assert.equal(problem.code, code);
  assert.equal(problem.type, `https://jt-users.dev/problems/${code}`);
  return problem;
}

/** A user with the given fields; everything else plausible. */
export function makeUser(overrides: Partial<User> & Pick<User, 'id'>): User {
  return {
    name: `User ${overrides.id}`,
    email: `${overrides.id}@example.test`,
    role: 'member',
    status: 'active',
    createdAt: '2024-01-01T00:00:00.000Z',
    lastLoginAt: null,
    statusChangedAt: null,
    statusChangedBy: null,
    ...overrides,
  };
}

/** The ids of a list of users. */
export function ids(users: readonly User[]): string[] {
  return users.map((user) => user.id);
}
