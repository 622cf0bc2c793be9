/**
 * The msw handlers in Node (`setupServer`): every `/v1/` request on any origin reaches the
 * reference API; other requests are left alone; a dropped connection is a network error.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { UserPageSchema, UserSchema } from '@jt-users/sdk/schemas';
import {
  createReferenceApi,
  demoTokens,
  demoUserIds,
  setupReferenceServer,
} from '@jt-users/reference-api/node';
import { assertProblem, read } from './support.js';

const api = createReferenceApi({ seedSize: 30 });
const server = setupReferenceServer(api);
const unhandled: string[] = [];
before(() =>
  server.listen({
    onUnhandledRequest: (request) => {
      unhandled.push(request.url);
    },
  }),
);
beforeEach(() => {
  api.reset();
  unhandled.length = 0;
});
after(() => server.close());

const headers = { authorization: `Bearer ${demoTokens.admin}` };

test('the server exposes the API it answers from', () => {
  assert.equal(server.api, api);
});

test('answers /v1/ on any origin and under any prefix', async () => {
  for (const base of ['https://users.example.com', 'http://localhost:3000/api', 'https://cdn.test/a/b']) {
    const response = await fetch(`${base}/v1/users?limit=2`, { headers });
    assert.equal(UserPageSchema.parse(await response.json()).items.length, 2);
  }
});

test('PUT with a JSON body goes through the rules', async () => {
  const response = await fetch(`https://users.test/api/v1/users/${demoUserIds.member}/status`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'inactive' }),
  });
  assert.equal(UserSchema.parse(await response.json()).status, 'inactive');
  assert.equal(api.store.changes.length, 1);
  assertProblem(await read(await fetch('https://users.test/v1/me')), 401, 'unauthenticated');
});

test('a dropped connection rejects fetch with a network error', async () => {
  api.faults.dropNext(1);
  await assert.rejects(fetch('https://users.test/v1/me', { headers }), TypeError);
});

test('requests outside /v1/ are not answered by the handlers', async () => {
  for (const url of [
    'https://users.test/v10/users',
    'https://users.test/api/users',
    'https://users.test/v1x/me',
  ]) {
    await fetch(url).catch(() => undefined);
  }
  assert.equal(unhandled.length, 3);
});
