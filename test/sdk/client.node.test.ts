/**
 * Every method of the client against precise msw handlers: the request it sends (method, path,
 * query, body, headers) and the value it resolves with.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createUsersClient, isUsersApiError, type UserPage } from '@jt-users/sdk';
import { BASE_URL, SECRET_TOKEN, makeUser, rejectionOf, testClient, useMockServer } from './support.js';

const { server, requests } = useMockServer();

describe('single calls', () => {
  test('getCurrentUser sends GET /v1/me with the bearer token and resolves with the user', async () => {
    const me = makeUser({ id: 'usr_me', role: 'admin' });
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.json(me)));

    assert.deepEqual(await testClient().getCurrentUser(), me);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.headers.get('authorization'), `Bearer ${SECRET_TOKEN}`);
    assert.equal(requests[0]!.headers.get('accept'), 'application/json');
  });

  test('getUser sends GET /v1/users/{id}', async () => {
    const user = makeUser({ id: 'usr_42', lastLoginAt: '2025-02-01T10:00:00.000+01:00' });
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, ({ params }) => HttpResponse.json({ ...user, id: params.id })),
    );

    assert.deepEqual(await testClient().getUser('usr_42'), user);
    assert.equal(new URL(requests[0]!.url).pathname, '/api/v1/users/usr_42');
  });

  test('fields the contract does not know are dropped from the result', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, () => HttpResponse.json({ ...makeUser(), internalNote: 'x' })),
    );

    const user = await testClient().getUser('usr_1');
    assert.equal('internalNote' in user, false);
  });

  for (const [method, status] of [
    ['setUserStatus', 'inactive'],
    ['deactivateUser', 'inactive'],
    ['activateUser', 'active'],
  ] as const) {
    test(`${method} sends PUT /v1/users/{id}/status with {"status":"${status}"}`, async () => {
      server.use(
        http.put(`${BASE_URL}/v1/users/:id/status`, async ({ request }) => {
          const body = (await request.json()) as { status: 'active' | 'inactive' };
          return HttpResponse.json(makeUser({ status: body.status }));
        }),
      );
      const client = testClient();
      const user =
        method === 'setUserStatus'
          ? await client.setUserStatus('usr_1', status)
          : await client[method]('usr_1');

      assert.equal(user.status, status);
      assert.equal(requests[0]!.method, 'PUT');
      assert.equal(new URL(requests[0]!.url).pathname, '/api/v1/users/usr_1/status');
      assert.equal(requests[0]!.headers.get('content-type'), 'application/json');
      assert.deepEqual(await requests[0]!.json(), { status });
    });
  }

  test('setUserRole sends PUT /v1/users/{id}/role with {"role"}', async () => {
    server.use(
      http.put(`${BASE_URL}/v1/users/:id/role`, async ({ request }) => {
        const body = (await request.json()) as { role: 'external' };
        return HttpResponse.json(makeUser({ role: body.role }));
      }),
    );

    const user = await testClient().setUserRole('usr_1', 'external');
    assert.equal(user.role, 'external');
    assert.deepEqual(await requests[0]!.json(), { role: 'external' });
  });

  test('methods work detached from the client', async () => {
    server.use(http.get(`${BASE_URL}/v1/users/:id`, () => HttpResponse.json(makeUser())));
    const { getUser } = testClient();
    assert.equal((await getUser('usr_1')).id, 'usr_1');
  });
});

describe('listUsers', () => {
  test('sends every query field as a search parameter and resolves with the page', async () => {
    const page: UserPage = { items: [makeUser()], nextCursor: 'c2', total: 3 };
    server.use(http.get(`${BASE_URL}/v1/users`, () => HttpResponse.json(page)));

    const result = await testClient().listUsers({
      search: 'ada',
      status: 'active',
      role: 'admin',
      sort: '-createdAt',
      cursor: 'c1',
      limit: 25,
    });

    assert.deepEqual(result, page);
    const params = Object.fromEntries(new URL(requests[0]!.url).searchParams);
    assert.deepEqual(params, {
      search: 'ada',
      status: 'active',
      role: 'admin',
      sort: '-createdAt',
      cursor: 'c1',
      limit: '25',
    });
  });

  test('leaves out what the caller did not ask for', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users`, () => HttpResponse.json({ items: [], nextCursor: null, total: 0 })),
    );

    await testClient().listUsers({ status: 'inactive', search: undefined });
    assert.equal(new URL(requests[0]!.url).search, '?status=inactive');
  });
});

describe('iterateUsers', () => {
  const all = Array.from({ length: 7 }, (_, index) =>
    makeUser({ id: `usr_${index}`, name: `User ${index}` }),
  );

  function servePagesOfThree(): void {
    server.use(
      http.get(`${BASE_URL}/v1/users`, ({ request }) => {
        const start = Number(new URL(request.url).searchParams.get('cursor') ?? 0);
        const next = start + 3 < all.length ? String(start + 3) : null;
        return HttpResponse.json({ items: all.slice(start, start + 3), nextCursor: next, total: all.length });
      }),
    );
  }

  test('yields every user of every page, following nextCursor', async () => {
    servePagesOfThree();
    const seen: string[] = [];
    for await (const user of testClient().iterateUsers({ role: 'member', limit: 3 })) seen.push(user.id);

    assert.deepEqual(
      seen,
      all.map((user) => user.id),
    );
    const sent = requests.map((request) => Object.fromEntries(new URL(request.url).searchParams));
    assert.deepEqual(sent, [
      { role: 'member', limit: '3' },
      { role: 'member', limit: '3', cursor: '3' },
      { role: 'member', limit: '3', cursor: '6' },
    ]);
  });

  test('stops fetching when the loop stops', async () => {
    servePagesOfThree();
    for await (const user of testClient().iterateUsers()) {
      if (user.id === 'usr_1') break;
    }
    assert.equal(requests.length, 1);
  });

  test('refuses a server that hands back the same cursor forever', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users`, () =>
        HttpResponse.json({ items: [makeUser()], nextCursor: 'same', total: 9 }),
      ),
    );

    const error = await rejectionOf(
      (async () => {
        for await (const _ of testClient().iterateUsers()) void _;
      })(),
    );
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'invalid_response');
    assert.equal(requests.length, 2);
  });

  test('refuses a server whose cursors go round in a circle', async () => {
    // A → B → A → B …: no page hands back the cursor it was given, yet the loop would never end
    // (here it ends after ten pages, so that a client that misses the circle fails the test).
    server.use(
      http.get(`${BASE_URL}/v1/users`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const next = requests.length >= 10 ? null : cursor === 'A' ? 'B' : 'A';
        return HttpResponse.json({ items: [makeUser()], nextCursor: next, total: 9 });
      }),
    );

    const error = await rejectionOf(
      (async () => {
        for await (const _ of testClient().iterateUsers()) void _;
      })(),
    );
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /Repeated cursor A/);
    assert.equal(requests.length, 3);
  });

  test("a next cursor the server would not take back is its mistake, not the caller's", async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users`, () =>
        HttpResponse.json({ items: [makeUser()], nextCursor: 'c'.repeat(201), total: 9 }),
      ),
    );
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const user of testClient().iterateUsers()) seen.push(user.id);
      })(),
    );
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'invalid_response');
    assert.equal(
      error.message,
      'Unexpected answer from GET /v1/users at nextCursor: must be at most 200 characters',
    );
    assert.deepEqual(seen, []);
    assert.equal(requests.length, 1);
  });
});

describe('connection options', () => {
  test('credentials reach fetch, for cookie sessions without a token', async () => {
    const seen: Request[] = [];
    const client = createUsersClient({
      baseUrl: BASE_URL,
      credentials: 'include',
      fetch: (input, init) => {
        seen.push(new Request(input, init));
        return Promise.resolve(HttpResponse.json(makeUser()));
      },
    });

    await client.getCurrentUser();
    assert.equal(seen[0]!.credentials, 'include');
    assert.equal(seen[0]!.headers.has('authorization'), false);
  });

  test('an empty token sends no Authorization header', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.json(makeUser())));
    await testClient({ getToken: () => '' }).getCurrentUser();
    assert.equal(requests[0]!.headers.has('authorization'), false);
  });

  test('a baseUrl with a trailing slash gives the same URLs', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.json(makeUser())));
    await testClient({ baseUrl: `${BASE_URL}/` }).getCurrentUser();
    assert.equal(requests[0]!.url, `${BASE_URL}/v1/me`);
  });

  test('a path as baseUrl resolves against the page where there is one', async () => {
    server.use(http.get('https://app.test/api/v1/me', () => HttpResponse.json(makeUser())));
    const globals = globalThis as { location?: { href: string } };
    globals.location = { href: 'https://app.test/admin/users' };
    try {
      await createUsersClient({ baseUrl: '/api' }).getCurrentUser();
    } finally {
      delete globals.location;
    }
    assert.equal(requests[0]!.url, 'https://app.test/api/v1/me');
  });

  test('a fetch patched after the client was made is used', async () => {
    const client = testClient();
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.json(makeUser({ name: 'Patched' }))));
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (input, init) => {
      calls += 1;
      return original(input, init);
    };
    try {
      assert.equal((await client.getCurrentUser()).name, 'Patched');
    } finally {
      globalThis.fetch = original;
    }
    assert.equal(calls, 1);
  });
});
