/**
 * The real HTTP server on an ephemeral port, called with plain `fetch`: the contract over real
 * sockets, dropped connections, CORS preflights, the test-control endpoints, and a journey
 * through the SDK.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createUsersClient, isUsersApiError } from '@jt-users/sdk';
import { UserPageSchema, UserSchema } from '@jt-users/sdk/schemas';
import {
  demoTokens,
  demoUserIds,
  SESSION_COOKIE,
  startReferenceServer,
  type ReferenceServer,
} from '@jt-users/reference-api/node';
import { assertProblem, read } from './support.js';

let server: ReferenceServer;
before(async () => {
  server = await startReferenceServer();
});
beforeEach(() => server.api.reset());
after(() => server.close());

const auth = (token: string = demoTokens.admin) => ({ authorization: `Bearer ${token}` });
const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: auth(token) });
const put = (path: string, body: unknown, token?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'PUT',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the contract over HTTP', () => {
  test('listens on 127.0.0.1 on a free port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('GET /v1/me and GET /v1/users answer JSON that fits the schemas', async () => {
    assert.equal(UserSchema.parse(await (await get('/v1/me')).json()).id, demoUserIds.admin);
    const page = UserPageSchema.parse(await (await get('/api/v1/users?limit=3&sort=email')).json());
    assert.equal(page.items.length, 3);
  });

  test('PUT reads the JSON body and the change sticks', async () => {
    const response = await put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' });
    assert.equal(response.status, 200);
    assert.equal(UserSchema.parse(await response.json()).status, 'inactive');
    assert.equal(server.api.store.get(demoUserIds.member)?.status, 'inactive');
  });

  test('errors are problem+json with their status', async () => {
    assertProblem(await read(await get('/v1/users', demoTokens.member)), 403, 'forbidden');
    assertProblem(
      await read(await put(`/v1/users/${demoUserIds.admin}/status`, { status: 'inactive' })),
      409,
      'self_deactivation',
    );
  });

  test('a dropped connection makes fetch fail, and the request was not applied', async () => {
    server.api.faults.dropNext(1);
    await assert.rejects(put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' }), TypeError);
    assert.equal(server.api.store.changes.length, 0);
    assert.equal((await get('/v1/me')).status, 200, 'the server keeps serving');
  });

  test('a lost answer makes fetch fail although the change was applied', async () => {
    server.api.faults.loseAnswerNext(1);
    await assert.rejects(put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' }), TypeError);
    assert.equal(server.api.store.get(demoUserIds.member)?.status, 'inactive');
  });

  test('a hanging request ends when the client gives up', async () => {
    server.api.faults.hangNext(1);
    await assert.rejects(fetch(`${server.url}/v1/me`, { headers: auth(), signal: AbortSignal.timeout(50) }), {
      name: 'TimeoutError',
    });
    assert.equal((await get('/v1/me')).status, 200);
  });

  test('a CORS preflight from another localhost port is allowed, with credentials', async () => {
    const response = await fetch(`${server.url}/v1/users/${demoUserIds.member}/status`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /PUT/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  });
});

/** One request through node:http, which sends what fetch will not (a TRACE, a broken Host). */
function rawRequest(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const request = httpRequest({ hostname, port, method, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('what no client of the contract sends', () => {
  test('a body past 64 KiB is refused with 413, unread, and the change is not made', async () => {
    const response = await fetch(`${server.url}/v1/users/${demoUserIds.member}/status`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: `${' '.repeat(100_000)}{"status":"inactive"}`,
    });
    assertProblem(await read(response), 413, 'invalid_request');
    assert.equal(server.api.store.get(demoUserIds.member)?.status, 'active');
  });

  test('TRACE is a 405 problem, not a server error', async () => {
    const answer = await rawRequest('TRACE', '/v1/me', auth());
    assert.equal(answer.status, 405);
    assert.equal((JSON.parse(answer.body) as { code: string }).code, 'method_not_allowed');
  });

  test('a Host header that names no host does not matter', async () => {
    const answer = await rawRequest('GET', '/v1/me', { ...auth(), host: 'a b' });
    assert.equal(answer.status, 200);
    assert.equal(UserSchema.parse(JSON.parse(answer.body)).id, demoUserIds.admin);
  });
});

describe('test control', () => {
  const control = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/__control/${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  test('POST /__control/faults queues faults and sets latency', async () => {
    const response = await control('POST', 'faults', {
      latencyMs: 0,
      failNext: { count: 1, status: 503, method: 'GET', path: '/v1/me' },
    });
    assert.deepEqual(await response.json(), { latencyMs: 0, pending: 1 });
    assertProblem(await read(await get('/v1/me')), 503, 'server_error');
    assert.equal((await get('/v1/me')).status, 200);
  });

  test('POST /__control/faults can drop, malform, lose and hang', async () => {
    await control('POST', 'faults', { dropNext: { count: 1 }, malformNext: { count: 1, kind: 'html' } });
    await assert.rejects(get('/v1/me'), TypeError);
    assert.equal((await get('/v1/me')).status, 502);
    await control('POST', 'faults', {
      loseAnswerNext: { count: 1, method: 'PUT' },
      hangNext: { count: 1, method: 'GET' },
    });
    assert.equal(server.api.faults.pending, 2);
  });

  test('POST /__control/faults refuses bodies it does not understand', async () => {
    assertProblem(
      await read(await control('POST', 'faults', { failNext: { count: 0, status: 200 } })),
      400,
      'invalid_request',
    );
    assertProblem(await read(await control('POST', 'faults', { explode: true })), 400, 'invalid_request');
  });

  test('POST /__control/reset brings back the seed and clears faults', async () => {
    await put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' });
    server.api.faults.failNext(5, 500);
    assert.equal((await control('POST', 'reset')).status, 204);
    assert.equal(server.api.store.get(demoUserIds.member)?.status, 'active');
    assert.equal(server.api.faults.pending, 0);
  });

  test('DELETE /__control/faults clears faults only', async () => {
    await put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' });
    server.api.faults.failNext(5, 500);
    assert.equal((await control('DELETE', 'faults')).status, 204);
    assert.equal(server.api.faults.pending, 0);
    assert.equal(server.api.store.changes.length, 1);
  });

  test('GET /__control/changes lists the real changes', async () => {
    await put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' });
    await put(`/v1/users/${demoUserIds.member}/status`, { status: 'inactive' });
    const changes = (await (await control('GET', 'changes')).json()) as Array<{ userId: string; to: string }>;
    assert.deepEqual(
      changes.map(({ userId, to }) => [userId, to]),
      [[demoUserIds.member, 'inactive']],
    );
  });

  test('POST /__control/session sets the session cookie that then signs requests in', async () => {
    const response = await control(
      'POST',
      'session',
      { token: demoTokens.admin },
      { origin: 'http://localhost:5173' },
    );
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    const [cookie] = response.headers.getSetCookie();
    assert.match(cookie ?? '', new RegExp(`^${SESSION_COOKIE}=${demoTokens.admin};.*HttpOnly`));
    const me = await fetch(`${server.url}/v1/me`, { headers: { cookie: cookie!.split(';')[0]! } });
    assert.equal(UserSchema.parse(await me.json()).id, demoUserIds.admin);

    const cleared = await control('DELETE', 'session');
    assert.match(cleared.headers.getSetCookie()[0] ?? '', /Max-Age=0/);
  });

  test('an unknown control endpoint is 404', async () => {
    assertProblem(await read(await control('POST', 'explode')), 404, 'unknown_endpoint');
  });
});

describe('a journey through the SDK', () => {
  const clientAs = (token: string) =>
    createUsersClient({ baseUrl: server.url, getToken: () => token, retry: { limit: 2, backoffMs: 1 } });

  test('an Admin pages through everyone, deactivates a user who then cannot sign in, and activates them again', async () => {
    const admin = clientAs(demoTokens.admin);
    const everyone = [];
    for await (const user of admin.iterateUsers({ sort: '-createdAt', limit: 7 })) everyone.push(user);
    assert.equal(everyone.length, server.api.store.size);
    assert.equal(new Set(everyone.map((user) => user.id)).size, everyone.length);

    const manager = clientAs(demoTokens.manager);
    assert.equal((await manager.getCurrentUser()).role, 'manager');
    assert.equal((await admin.deactivateUser(demoUserIds.manager)).status, 'inactive');
    const refused = await manager.getCurrentUser().then(
      () => assert.fail('an inactive user must not sign in'),
      (error: unknown) => error,
    );
    assert.ok(isUsersApiError(refused));
    assert.equal(refused.code, 'unauthenticated');

    assert.equal((await admin.activateUser(demoUserIds.manager)).status, 'active');
    assert.equal((await manager.getCurrentUser()).status, 'active');
  });

  test('the server refuses what the rules forbid, and the SDK says why', async () => {
    const admin = clientAs(demoTokens.admin);
    const error = await admin.deactivateUser(demoUserIds.admin).catch((caught: unknown) => caught);
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'self_deactivation');
    const forbidden = await clientAs(demoTokens.external)
      .listUsers()
      .catch((caught: unknown) => caught);
    assert.ok(isUsersApiError(forbidden));
    assert.equal(forbidden.code, 'forbidden');
  });

  test('a status change whose answer is lost is safe to retry', async () => {
    server.api.faults.loseAnswerNext(1, { match: { method: 'PUT' } });
    const admin = clientAs(demoTokens.admin);
    const outcome = await admin.deactivateUser(demoUserIds.member).then(
      (user) => user.status,
      (error: unknown) => (isUsersApiError(error) ? error.code : 'other'),
    );
    // Whether the SDK retries a PUT by itself or reports the network error, the user ends inactive once.
    assert.ok(outcome === 'inactive' || outcome === 'network', String(outcome));
    assert.equal((await admin.deactivateUser(demoUserIds.member)).status, 'inactive');
    assert.equal(server.api.store.changes.length, 1);
  });
});

test('close() ends open connections, hanging requests included', async () => {
  const extra = await startReferenceServer({ seedSize: 10, latencyMs: 0 });
  extra.api.faults.hangNext(1);
  const hanging = fetch(`${extra.url}/v1/me`, { headers: auth() });
  // Wait until the hang has begun on the server.
  while (extra.api.faults.pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  await extra.close();
  await assert.rejects(hanging, TypeError);
});

test('a reset brings back the latency the server was started with', async () => {
  const slow = await startReferenceServer({ seedSize: 10, latencyMs: 40 });
  try {
    slow.api.faults.latencyMs = 0;
    assert.equal((await fetch(`${slow.url}/__control/reset`, { method: 'POST' })).status, 204);
    assert.equal(slow.api.faults.latencyMs, 40);
    slow.api.faults.latencyMs = 0;
    assert.equal((await fetch(`${slow.url}/__control/faults`, { method: 'DELETE' })).status, 204);
    assert.equal(slow.api.faults.latencyMs, 40);
  } finally {
    await slow.close();
  }
});
