/**
 * Every JSON answer of the reference API, successes and errors alike, fits the contract's
 * schemas exactly: the right schema for the route, no fields beyond it, and problem+json with a
 * matching status for every error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProblemSchema, UserPageSchema, UserSchema, type User } from '@jt-users/sdk/schemas';
import { createReferenceApi, demoTokens, demoUserIds } from '@jt-users/reference-api';
import { call, type Answer } from './support.js';

const USER_FIELDS = Object.keys(UserSchema.shape).sort();
const PROBLEM_FIELDS = Object.keys(ProblemSchema.shape).sort();

function assertUserExact(value: unknown): User {
  const user = UserSchema.parse(value);
  assert.deepEqual(Object.keys(value as object).sort(), USER_FIELDS);
  return user;
}

/** Checks one answer against the contract and returns a short label of what it was. */
function assertFitsContract(path: string, answer: Answer): string {
  if (answer.status >= 400) {
    assert.match(answer.contentType, /^application\/problem\+json/, `${path}: errors are problem+json`);
    const problem = ProblemSchema.parse(answer.body);
    assert.equal(problem.status, answer.status);
    assert.ok(problem.detail, 'every problem explains itself');
    assert.deepEqual(Object.keys(answer.body as object).sort(), PROBLEM_FIELDS);
    return `${answer.status} ${problem.code}`;
  }
  assert.equal(answer.status, 200);
  assert.match(answer.contentType, /^application\/json/);
  if (new URL(path, 'http://x').pathname === '/v1/users') {
    const page = UserPageSchema.parse(answer.body);
    assert.deepEqual(Object.keys(answer.body as object).sort(), ['items', 'nextCursor', 'total']);
    page.items.forEach((_, index) => assertUserExact((answer.body as { items: unknown[] }).items[index]));
    return '200 page';
  }
  assertUserExact(answer.body);
  return '200 user';
}

test('every answer, success or error, fits the schemas of the contract', async () => {
  const api = createReferenceApi();
  const admin = demoTokens.admin;
  const member = demoUserIds.member;
  const cases: Array<[method: string, path: string, token: string | null, body?: unknown]> = [
    ['GET', '/v1/me', admin],
    ['GET', '/v1/me', demoTokens.external],
    ['GET', '/v1/me', null],
    ['GET', '/v1/me', 'unknown-token'],
    ['GET', '/v1/users', admin],
    ['GET', '/v1/users?search=a&status=active&role=member&sort=-lastLoginAt&limit=3', admin],
    ['GET', '/v1/users?search=nobody-matches-this', admin],
    ['GET', '/v1/users?limit=0', admin],
    ['GET', '/v1/users?cursor=x', admin],
    ['GET', '/v1/users', demoTokens.manager],
    ['GET', `/v1/users/${member}`, admin],
    ['GET', '/v1/users/usr_nobody', admin],
    ['GET', '/v1/users/not%20valid', admin],
    ['PUT', `/v1/users/${member}/status`, admin, { status: 'inactive' }],
    ['PUT', `/v1/users/${member}/status`, admin, { status: 'inactive' }],
    ['PUT', `/v1/users/${member}/status`, admin, { status: 'active' }],
    ['PUT', `/v1/users/${member}/status`, admin, { status: 'gone' }],
    ['PUT', `/v1/users/${member}/status`, admin, '{'],
    ['PUT', `/v1/users/${demoUserIds.admin}/status`, admin, { status: 'inactive' }],
    ['PUT', `/v1/users/${member}/status`, demoTokens.member, { status: 'inactive' }],
    ['PUT', `/v1/users/${member}/role`, admin, { role: 'manager' }],
    ['PUT', `/v1/users/${member}/role`, admin, { role: 'root' }],
    ['PUT', '/v1/users/usr_nobody/role', admin, { role: 'member' }],
    ['DELETE', `/v1/users/${member}`, admin],
    ['GET', '/v1/nothing-here', admin],
  ];

  const seen = new Set<string>();
  for (const [method, path, token, body] of cases) {
    const answer = await call(api, method, path, { token, body });
    seen.add(assertFitsContract(path, answer));
  }

  // The last_admin answer needs a situation first: the demo Admin alone.
  for (const user of api.store
    .all()
    .filter((candidate) => candidate.role === 'admin' && candidate.id !== demoUserIds.admin)) {
    api.store.setStatus({ id: demoUserIds.admin, name: 'Ada Lindqvist' }, user.id, 'inactive');
  }
  seen.add(
    assertFitsContract(
      '/v1/users/x/role',
      await call(api, 'PUT', `/v1/users/${demoUserIds.admin}/role`, { body: { role: 'member' } }),
    ),
  );

  // Injected errors fit as well.
  api.faults.failNext(1, 429).failNext(1, 503);
  seen.add(assertFitsContract('/v1/me', await call(api, 'GET', '/v1/me')));
  seen.add(assertFitsContract('/v1/me', await call(api, 'GET', '/v1/me')));

  // Make sure the list above really covers every answer of the contract.
  for (const expected of [
    '200 user',
    '200 page',
    '400 invalid_request',
    '401 unauthenticated',
    '403 forbidden',
    '404 not_found',
    '405 method_not_allowed',
    '409 self_deactivation',
    '409 last_admin',
    '429 rate_limited',
    '503 server_error',
  ]) {
    assert.ok(seen.has(expected), `no case produced ${expected}`);
  }
});
