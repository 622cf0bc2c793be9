/**
 * The HTTP layer of the reference API through its fetch-style handler: routing under any
 * prefix, authentication (bearer and cookie), the Admin rule, validation, and CORS.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { UserPageSchema, UserSchema, type User } from '@jt-users/sdk/schemas';
import {
  createReferenceApi,
  demoTokens,
  demoUserIds,
  handleControl,
  SESSION_COOKIE,
} from '@jt-users/reference-api';
import { assertProblem, call, makeRequest, makeUser, ORIGIN, read } from './support.js';

const api = createReferenceApi();
beforeEach(() => api.reset());

describe('routing', () => {
  for (const prefix of ['', '/api', '/some/deep/prefix']) {
    test(`answers under the prefix "${prefix}"`, async () => {
      const answer = await call(api, 'GET', `${prefix}/v1/users/${demoUserIds.member}`);
      assert.equal(answer.status, 200);
      assert.equal(UserSchema.parse(answer.body).id, demoUserIds.member);
    });
  }

  test('HEAD answers as GET would, without the body', async () => {
    const head = await call(api, 'HEAD', '/v1/me');
    assert.equal(head.status, 200);
    assert.match(head.contentType, /^application\/json/);
    assert.equal(head.body, '');
    const refused = await call(api, 'HEAD', '/v1/users', { token: null });
    assert.equal(refused.status, 401);
    assert.equal(refused.body, '');
  });

  test('an unknown route is a 404 problem', async () => {
    assertProblem(await call(api, 'GET', '/v1/groups'), 404, 'unknown_endpoint');
    assertProblem(await call(api, 'GET', '/v1/users/usr_member/unknown'), 404, 'unknown_endpoint');
    assertProblem(await call(api, 'GET', '/v2/users'), 404, 'unknown_endpoint');
  });

  test('a wrong method is a 405 problem that says what is allowed', async () => {
    const answer = await call(api, 'DELETE', `/v1/users/${demoUserIds.member}`);
    assertProblem(answer, 405, 'method_not_allowed');
    assert.equal(answer.headers.get('allow'), 'GET, HEAD, OPTIONS');
    assertProblem(await call(api, 'POST', '/v1/users', { body: {} }), 405, 'method_not_allowed');
    assertProblem(
      await call(api, 'GET', `/v1/users/${demoUserIds.member}/status`),
      405,
      'method_not_allowed',
    );
  });

  test('answers are JSON and never cached', async () => {
    const answer = await call(api, 'GET', '/v1/me');
    assert.match(answer.contentType, /^application\/json/);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
  });
});

describe('authentication', () => {
  test('GET /v1/me answers the signed-in user, for every role', async () => {
    for (const [role, token] of Object.entries(demoTokens)) {
      const answer = await call(api, 'GET', '/v1/me', { token });
      assert.equal(answer.status, 200);
      const me = UserSchema.parse(answer.body);
      assert.equal(me.id, demoUserIds[role as keyof typeof demoUserIds]);
      assert.equal(me.role, role);
    }
  });

  test('no credentials, a malformed header and an unknown token are 401', async () => {
    for (const options of [
      { token: null },
      { token: 'nope' },
      { token: null, headers: { authorization: 'Basic abc' } },
    ]) {
      const answer = await call(api, 'GET', '/v1/me', options);
      assertProblem(answer, 401, 'unauthenticated');
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
  });

  test('the bearer scheme is case-insensitive', async () => {
    const answer = await call(api, 'GET', '/v1/me', {
      token: null,
      headers: { authorization: `bearer ${demoTokens.admin}` },
    });
    assert.equal(answer.status, 200);
  });

  test('the jt_session cookie works like the bearer token', async () => {
    const cookie = `theme=dark; ${SESSION_COOKIE}=${demoTokens.admin}; other=1`;
    const answer = await call(api, 'GET', '/v1/users?limit=1', { token: null, headers: { cookie } });
    assert.equal(answer.status, 200);
    const member = await call(api, 'GET', '/v1/users', {
      token: null,
      headers: { cookie: `${SESSION_COOKIE}=${demoTokens.member}` },
    });
    assertProblem(member, 403, 'forbidden');
  });

  test("a deactivated user's token stops working until they are activated again", async () => {
    await call(api, 'PUT', `/v1/users/${demoUserIds.manager}/status`, { body: { status: 'inactive' } });
    assertProblem(await call(api, 'GET', '/v1/me', { token: demoTokens.manager }), 401, 'unauthenticated');

    await call(api, 'PUT', `/v1/users/${demoUserIds.manager}/status`, { body: { status: 'active' } });
    assert.equal((await call(api, 'GET', '/v1/me', { token: demoTokens.manager })).status, 200);
  });

  test('tokens can be added for any user', async () => {
    api.tokens.set('token-for-usr_01', 'usr_01');
    const answer = await call(api, 'GET', '/v1/me', { token: 'token-for-usr_01' });
    assert.equal(UserSchema.parse(answer.body).id, 'usr_01');
  });
});

describe('only Admins use /v1/users', () => {
  const routes = [
    ['GET', '/v1/users', undefined],
    ['GET', `/v1/users/${demoUserIds.member}`, undefined],
    ['PUT', `/v1/users/${demoUserIds.member}/status`, { status: 'inactive' }],
    ['PUT', `/v1/users/${demoUserIds.member}/role`, { role: 'external' }],
  ] as const;

  for (const role of ['manager', 'member', 'external'] as const) {
    test(`${role}: 403 on every /v1/users route, and nothing changes`, async () => {
      for (const [method, path, body] of routes) {
        assertProblem(await call(api, method, path, { token: demoTokens[role], body }), 403, 'forbidden');
      }
      assert.equal(api.store.changes.length, 0);
    });
  }
});

describe('users', () => {
  test('GET /v1/users answers a page that fits the schema, with total', async () => {
    const answer = await call(api, 'GET', '/v1/users?status=inactive&sort=-createdAt&limit=5');
    const page = UserPageSchema.parse(answer.body);
    assert.equal(page.items.length, 5);
    assert.ok(page.items.every((user) => user.status === 'inactive'));
    assert.equal(page.total, api.store.all().filter((user) => user.status === 'inactive').length);
    assert.ok(page.nextCursor);

    const next = UserPageSchema.parse(
      (
        await call(
          api,
          'GET',
          `/v1/users?status=inactive&sort=-createdAt&limit=5&cursor=${encodeURIComponent(page.nextCursor)}`,
        )
      ).body,
    );
    assert.equal(
      next.items.some((user) => page.items.some((seen) => seen.id === user.id)),
      false,
    );
  });

  test('empty query parameters count as absent', async () => {
    const answer = await call(api, 'GET', '/v1/users?search=&status=&role=&sort=&cursor=&limit=');
    assert.equal(UserPageSchema.parse(answer.body).total, api.store.size);
  });

  test('invalid query parameters are 400 naming them', async () => {
    for (const [query, named] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=0x10', 'limit'],
      ['limit=1e1', 'limit'],
      ['limit=2.0', 'limit'],
      ['limit=%2010%20', 'limit'],
      ['status=sleeping', 'status'],
      ['role=owner', 'role'],
      ['sort=password', 'sort'],
      ['colour=red', 'colour'],
      ['limit=5&limit=6', 'limit'],
      ['cursor=garbage', 'cursor'],
    ]) {
      const problem = assertProblem(await call(api, 'GET', `/v1/users?${query}`), 400, 'invalid_request');
      assert.match(problem.detail ?? '', new RegExp(named!), `${query}: ${problem.detail}`);
    }
  });

  test('limits 1 and 200 are accepted', async () => {
    assert.equal(UserPageSchema.parse((await call(api, 'GET', '/v1/users?limit=1')).body).items.length, 1);
    assert.equal(
      UserPageSchema.parse((await call(api, 'GET', '/v1/users?limit=200')).body).items.length,
      api.store.size,
    );
  });

  test('GET /v1/users/{id}: 404 for an unknown user, 400 for an id outside the contract', async () => {
    assertProblem(await call(api, 'GET', '/v1/users/usr_nobody'), 404, 'not_found');
    const problem = assertProblem(await call(api, 'GET', '/v1/users/bad%20id'), 400, 'invalid_request');
    assert.match(problem.detail ?? '', /^id: /);
    assertProblem(await call(api, 'GET', '/v1/users/%E0%A4%A'), 400, 'invalid_request');
  });
});

describe('changing status and role', () => {
  const putStatus = (id: string, body: unknown, token?: string) =>
    call(api, 'PUT', `/v1/users/${id}/status`, { body, token });
  const putRole = (id: string, body: unknown) => call(api, 'PUT', `/v1/users/${id}/role`, { body });

  test('a body not sent as JSON is refused: a page may send a form or text without asking', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const answer = await call(api, 'PUT', `/v1/users/${demoUserIds.member}/status`, {
        body: { status: 'inactive' },
        headers: { 'content-type': type },
      });
      assert.equal(
        assertProblem(answer, 400, 'invalid_request').detail,
        'body: must be sent as application/json',
      );
    }
    assert.equal(api.store.get(demoUserIds.member)?.status, 'active');
    const withCharset = await call(api, 'PUT', `/v1/users/${demoUserIds.member}/status`, {
      body: { status: 'inactive' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    assert.equal(withCharset.status, 200);
  });

  for (const [what, change, status, code] of [
    ['deactivated', { status: 'inactive' }, 401, 'unauthenticated'],
    ['made a Manager', { role: 'manager' }, 403, 'forbidden'],
  ] as const) {
    test(`an Admin ${what} while their change's body was on its way is refused`, async () => {
      api.store.upsert(makeUser({ id: 'usr_second_admin', role: 'admin', status: 'active' }));
      api.tokens.set('second-admin', 'usr_second_admin');
      let send!: (text: string) => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          send = (text) => {
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          };
        },
      });
      const request = new Request(`${ORIGIN}/v1/users/${demoUserIds.member}/status`, {
        method: 'PUT',
        headers: { authorization: 'Bearer second-admin', 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      const answering = api.handle(request);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const meanwhile = await call(
        api,
        'PUT',
        `/v1/users/usr_second_admin/${'status' in change ? 'status' : 'role'}`,
        {
          body: change,
        },
      );
      assert.equal(meanwhile.status, 200);
      send(JSON.stringify({ status: 'inactive' }));
      assertProblem(await read((await answering) as Response), status, code);
      assert.equal(api.store.get(demoUserIds.member)?.status, 'active');
    });
  }

  test('PUT status answers the updated user with who changed it', async () => {
    const answer = await putStatus(demoUserIds.member, { status: 'inactive' });
    const user = UserSchema.parse(answer.body);
    assert.equal(user.status, 'inactive');
    assert.deepEqual(user.statusChangedBy, { id: demoUserIds.admin, name: 'Ada Lindqvist' });
    assert.ok(user.statusChangedAt);
    assert.deepEqual(
      UserSchema.parse((await call(api, 'GET', `/v1/users/${demoUserIds.member}`)).body),
      user,
    );
  });

  test('setting the current value twice (a retry) succeeds once and records one change', async () => {
    const first = UserSchema.parse((await putStatus(demoUserIds.member, { status: 'inactive' })).body);
    const retry = UserSchema.parse((await putStatus(demoUserIds.member, { status: 'inactive' })).body);
    assert.deepEqual(retry, first);
    assert.equal(api.store.changes.length, 1);
  });

  test('PUT role answers the updated user', async () => {
    const user = UserSchema.parse((await putRole(demoUserIds.external, { role: 'member' })).body);
    assert.equal(user.role, 'member');
    assert.equal(api.store.changes.length, 1);
  });

  test('409 self_deactivation and 409 last_admin through HTTP', async () => {
    assertProblem(await putStatus(demoUserIds.admin, { status: 'inactive' }), 409, 'self_deactivation');
    // Leave the demo Admin as the only active Admin, then let them try to demote themself.
    for (const admin of api.store
      .all()
      .filter((user: User) => user.role === 'admin' && user.id !== demoUserIds.admin)) {
      await putStatus(admin.id, { status: 'inactive' });
    }
    assert.equal(api.store.activeAdminCount(), 1);
    assertProblem(await putRole(demoUserIds.admin, { role: 'manager' }), 409, 'last_admin');
    assert.equal(api.store.get(demoUserIds.admin)?.role, 'admin');
  });

  test('404 for an unknown user', async () => {
    assertProblem(await putStatus('usr_nobody', { status: 'inactive' }), 404, 'not_found');
    assertProblem(await putRole('usr_nobody', { role: 'member' }), 404, 'not_found');
  });

  test('bodies outside the contract are 400 and change nothing', async () => {
    for (const body of [
      '',
      '{not json',
      'null',
      '"inactive"',
      {},
      { status: 'paused' },
      { status: 'inactive', extra: 1 },
      { role: 'admin' },
    ]) {
      const problem = assertProblem(await putStatus(demoUserIds.member, body), 400, 'invalid_request');
      assert.match(problem.detail ?? '', /^(body|status)/);
    }
    for (const body of [{ role: 'owner' }, { status: 'active' }, []]) {
      assertProblem(await putRole(demoUserIds.member, body), 400, 'invalid_request');
    }
    assert.equal(api.store.changes.length, 0);
  });
});

describe('CORS', () => {
  test('answers reflect the Origin and allow credentials', async () => {
    const answer = await call(api, 'GET', '/v1/me', { headers: { origin: 'http://localhost:5173' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
  });

  test('errors carry CORS headers too, so the page can read them', async () => {
    const answer = await call(api, 'GET', '/v1/me', {
      token: 'nope',
      headers: { origin: 'http://localhost:5173' },
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  });

  test('a preflight is answered without credentials', async () => {
    const request = makeRequest('OPTIONS', '/v1/users/usr_member/status', {
      token: null,
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    const answer = await read((await api.handle(request)) as Response);
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    assert.match(answer.headers.get('access-control-allow-methods') ?? '', /PUT/);
    assert.match(answer.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
    assert.match(answer.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
    // `Allow` is a path's own methods (a 405 says them), not every endpoint's.
    assert.equal(answer.headers.get('allow'), null);
  });

  test('without an Origin no CORS headers are added', async () => {
    const answer = await call(api, 'GET', '/v1/me');
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
  });

  test('a page of another site gets no CORS headers: the demo tokens are public', async () => {
    for (const origin of ['https://example.com', 'http://localhost.example.com', 'null']) {
      const answer = await call(api, 'GET', '/v1/me', { headers: { origin } });
      assert.equal(answer.headers.get('access-control-allow-origin'), null, origin);
    }
    for (const origin of ['http://127.0.0.1:8000', 'http://[::1]:6006', 'http://app.localhost']) {
      const answer = await call(api, 'GET', '/v1/me', { headers: { origin } });
      assert.equal(answer.headers.get('access-control-allow-origin'), origin);
    }
  });

  test('the control endpoints refuse a page of another site, and answer one of this machine', async () => {
    await call(api, 'PUT', `/v1/users/${demoUserIds.member}/status`, { body: { status: 'inactive' } });
    const reset = (origin: string) =>
      handleControl(api, new Request(`${ORIGIN}/__control/reset`, { method: 'POST', headers: { origin } }));
    assertProblem(await read((await reset('https://example.com'))!), 403, 'forbidden');
    assert.equal(api.store.get(demoUserIds.member)?.status, 'inactive');
    assert.equal((await reset('http://localhost:5173'))?.status, 204);
    assert.equal(api.store.get(demoUserIds.member)?.status, 'active');
  });
});

describe('rate limit', () => {
  /** An API allowing 3 requests per 10 s, on a clock the test moves. */
  function limited() {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const limitedApi = createReferenceApi({
      rateLimit: { requests: 3, windowMs: 10_000 },
      clock: () => new Date(now),
    });
    return { api: limitedApi, advance: (ms: number) => (now += ms) };
  }

  test('is off by default', async () => {
    for (let i = 0; i < 50; i += 1) assert.equal((await call(api, 'GET', '/v1/me')).status, 200);
  });

  test('answers 429 rate_limited with Retry-After once a user has used up the window', async () => {
    const { api: limitedApi, advance } = limited();
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await call(limitedApi, 'GET', '/v1/me')).status, 200);
      advance(1_000);
    }
    const refused = await call(limitedApi, 'GET', `/v1/users/${demoUserIds.member}`);
    assertProblem(refused, 429, 'rate_limited');
    // The first request leaves the window 10 s after it was sent, 7 s from now.
    assert.equal(refused.headers.get('retry-after'), '7');

    // A refused request is not counted: the window frees as the first request leaves it.
    advance(6_500);
    assertProblem(await call(limitedApi, 'GET', '/v1/me'), 429, 'rate_limited');
    advance(500);
    assert.equal((await call(limitedApi, 'GET', '/v1/me')).status, 200);
  });

  test('counts each signed-in user on their own, and a reset forgets the counts', async () => {
    const { api: limitedApi } = limited();
    for (let i = 0; i < 3; i += 1) await call(limitedApi, 'GET', '/v1/me');
    assertProblem(await call(limitedApi, 'GET', '/v1/me'), 429, 'rate_limited');
    assert.equal((await call(limitedApi, 'GET', '/v1/me', { token: demoTokens.manager })).status, 200);
    limitedApi.reset();
    assert.equal((await call(limitedApi, 'GET', '/v1/me')).status, 200);
  });

  test('refuses a limit that is not a whole number of at least 1', () => {
    assert.throws(() => createReferenceApi({ rateLimit: { requests: 0, windowMs: 1000 } }), RangeError);
    assert.throws(() => createReferenceApi({ rateLimit: { requests: 5, windowMs: 0.5 } }), RangeError);
  });
});
