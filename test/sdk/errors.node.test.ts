/**
 * Every code of `UsersApiError`, how answers map to it, argument checks that send nothing, the
 * token never leaking into an error, and the cross-realm guard.
 */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import vm from 'node:vm';
import { describe, test } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import {
  API_ERROR_CODES,
  CLIENT_ERROR_CODES,
  UsersApiError,
  createUsersClient,
  isUsersApiError,
  type UsersApiErrorCode,
  type UsersClient,
} from '@jt-users/sdk';
import {
  BASE_URL,
  SECRET_TOKEN,
  makeUser,
  problem,
  rejectionOf,
  testClient,
  useMockServer,
} from './support.js';

const { server, requests } = useMockServer();

/** The `UsersApiError` `promise` rejects with; anything else fails the test. */
async function apiError(promise: Promise<unknown>): Promise<UsersApiError> {
  const error = await rejectionOf(promise);
  assert.ok(error instanceof UsersApiError, `expected a UsersApiError, got ${inspect(error)}`);
  return error;
}

const noRetry = () => testClient({ retry: { limit: 0 } });

describe('answers of the contract', () => {
  const cases: [number, UsersApiErrorCode][] = [
    [400, 'invalid_request'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'self_deactivation'],
    [409, 'last_admin'],
    [429, 'rate_limited'],
  ];
  for (const [status, code] of cases) {
    test(`${status} ${code} becomes code ${code} with the server's detail`, async () => {
      server.use(
        http.put(`${BASE_URL}/v1/users/:id/status`, () => problem(status, code, `because of ${code}`)),
      );

      const error = await apiError(noRetry().deactivateUser('usr_1'));
      assert.equal(error.name, 'UsersApiError');
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.equal(error.detail, `because of ${code}`);
      assert.equal(error.message, `because of ${code}`);
    });
  }

  test('a problem without detail uses its title as the message', async () => {
    server.use(http.get(`${BASE_URL}/v1/users/:id`, () => problem(404, 'not_found')));
    const error = await apiError(noRetry().getUser('usr_9'));
    assert.equal(error.message, 'not found');
    assert.equal(error.detail, undefined);
  });

  test('the codes cover the contract and the client failures', () => {
    assert.deepEqual([...API_ERROR_CODES, ...CLIENT_ERROR_CODES].sort(), [
      'aborted',
      'forbidden',
      'invalid_argument',
      'invalid_request',
      'invalid_response',
      'last_admin',
      'network',
      'not_found',
      'rate_limited',
      'self_deactivation',
      'server_error',
      'timeout',
      'unauthenticated',
      'unknown',
    ]);
  });
});

describe('answers outside the contract', () => {
  test('a 5xx HTML page from a proxy is server_error', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/me`, () => HttpResponse.html('<h1>Bad Gateway</h1>', { status: 502 })),
    );
    const error = await apiError(noRetry().getCurrentUser());
    assert.equal(error.code, 'server_error');
    assert.equal(error.status, 502);
    assert.equal(error.detail, undefined);
  });

  test('a 5xx problem with a code of its own is server_error with its detail', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => problem(500, 'server_error', 'The database is down')));
    const error = await apiError(noRetry().getCurrentUser());
    assert.equal(error.code, 'server_error');
    assert.equal(error.detail, 'The database is down');
  });

  test('a 4xx HTML page is judged by its status', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, () => HttpResponse.html('<p>Not yours</p>', { status: 403 })),
    );
    const error = await apiError(noRetry().getUser('usr_1'));
    assert.equal(error.code, 'forbidden');
  });

  test('a 404 without its problem says nothing about a user: unknown, not not_found', async () => {
    // What a `baseUrl` that misses the API meets: the host's own "page not found".
    server.use(
      http.get(`${BASE_URL}/v1/me`, () => HttpResponse.html('<p>Not here</p>', { status: 404 })),
      http.get(`${BASE_URL}/v1/users/:id`, () => new HttpResponse(null, { status: 404 })),
    );
    for (const call of [noRetry().getCurrentUser(), noRetry().getUser('usr_1')]) {
      const error = await apiError(call);
      assert.equal(error.code, 'unknown');
      assert.equal(error.status, 404);
      assert.equal(error.message, 'Unknown error.');
    }
  });

  test('a problem with a foreign code is judged by its status', async () => {
    server.use(http.get(`${BASE_URL}/v1/users/:id`, () => problem(403, 'tenant_locked', 'Locked')));
    const error = await apiError(noRetry().getUser('usr_1'));
    assert.equal(error.code, 'forbidden');
    assert.equal(error.detail, 'Locked');
  });

  test('a status the contract does not explain is unknown', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => new HttpResponse('short and stout', { status: 418 })));
    const error = await apiError(noRetry().getCurrentUser());
    assert.equal(error.code, 'unknown');
    assert.equal(error.status, 418);
  });

  test('a problem that leaves out type and title, or sends status as text, keeps its code and detail', async () => {
    server.use(
      http.put(`${BASE_URL}/v1/users/:id/status`, () =>
        HttpResponse.json({ code: 'last_admin', status: '409', detail: 'Keep one Admin' }, { status: 409 }),
      ),
      http.put(`${BASE_URL}/v1/users/:id/role`, () =>
        HttpResponse.json({ code: 'last_admin' }, { status: 409 }),
      ),
    );
    const error = await apiError(noRetry().deactivateUser('usr_1'));
    assert.equal(error.code, 'last_admin');
    assert.equal(error.detail, 'Keep one Admin');
    assert.equal(error.message, 'Keep one Admin');
    const bare = await apiError(noRetry().setUserRole('usr_1', 'member'));
    assert.equal(bare.code, 'last_admin');
  });

  test('a problem member of the wrong type is ignored, not the whole problem (RFC 9457)', async () => {
    server.use(
      http.put(`${BASE_URL}/v1/users/:id/status`, () =>
        HttpResponse.json({ code: 'last_admin', title: null, detail: 'Keep one Admin' }, { status: 409 }),
      ),
      http.put(`${BASE_URL}/v1/users/:id/role`, () =>
        HttpResponse.json({ code: 'last_admin', title: 'Last Admin', detail: 42 }, { status: 409 }),
      ),
    );
    const error = await apiError(noRetry().deactivateUser('usr_1'));
    assert.equal(error.code, 'last_admin');
    assert.equal(error.message, 'Keep one Admin');
    const numbered = await apiError(noRetry().setUserRole('usr_1', 'member'));
    assert.equal(numbered.code, 'last_admin');
    assert.equal(numbered.message, 'Last Admin');
    assert.equal(numbered.detail, undefined);
  });

  test('an empty detail leaves the message to the title', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, () =>
        HttpResponse.json({ code: 'not_found', title: 'No such user', detail: '' }, { status: 404 }),
      ),
    );
    const error = await apiError(noRetry().getUser('usr_9'));
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'No such user');
  });

  test('a 409 without a problem body is unknown, since 409 has two meanings', async () => {
    server.use(http.put(`${BASE_URL}/v1/users/:id/status`, () => new HttpResponse(null, { status: 409 })));
    const error = await apiError(noRetry().deactivateUser('usr_1'));
    assert.equal(error.code, 'unknown');
  });
});

describe('invalid_response', () => {
  test('names the path of the field that does not fit', async () => {
    const items = [
      makeUser({ id: 'usr_0' }),
      makeUser({ id: 'usr_1' }),
      makeUser({ id: 'usr_2' }),
      { ...makeUser(), status: 'gone' },
    ];
    server.use(
      http.get(`${BASE_URL}/v1/users`, () => HttpResponse.json({ items, nextCursor: null, total: 4 })),
    );

    const error = await apiError(testClient().listUsers());
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.status, 200);
    assert.match(error.message, /items\[3\]\.status/);
    assert.match(error.message, /GET \/v1\/users/);
  });

  test('names a nested field of a user', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/me`, () =>
        HttpResponse.json({ ...makeUser(), statusChangedBy: { id: 'usr_2', name: 7 } }),
      ),
    );
    const error = await apiError(testClient().getCurrentUser());
    assert.match(error.message, /statusChangedBy\.name/);
  });

  test('an answer that is not JSON', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.text('{"id": "usr_1", ')));
    const error = await apiError(testClient().getCurrentUser());
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /not JSON/);
  });

  test('an HTML page with status 200 (a fallback page where the API should be)', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users`, () => HttpResponse.html('<!doctype html><title>App</title>')),
    );
    const error = await apiError(testClient().listUsers());
    assert.equal(error.code, 'invalid_response');
  });

  test('an answer about another user than the one asked for', async () => {
    const other = HttpResponse.json(makeUser({ id: 'usr_2', status: 'inactive', role: 'manager' }));
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, () => other.clone()),
      http.put(`${BASE_URL}/v1/users/:id/status`, () => other.clone()),
      http.put(`${BASE_URL}/v1/users/:id/role`, () => other.clone()),
    );
    const client = testClient();
    for (const [call, path] of [
      [client.getUser('usr_1'), 'GET /v1/users/usr_1'],
      [client.deactivateUser('usr_1'), 'PUT /v1/users/usr_1/status'],
      [client.setUserRole('usr_1', 'manager'), 'PUT /v1/users/usr_1/role'],
    ] as const) {
      const error = await apiError(call);
      assert.equal(error.code, 'invalid_response');
      assert.equal(error.message, `Unexpected answer from ${path} at id: expected one of "usr_1"`);
    }
  });

  test('an empty body', async () => {
    server.use(http.put(`${BASE_URL}/v1/users/:id/role`, () => new HttpResponse(null, { status: 204 })));
    const error = await apiError(testClient().setUserRole('usr_1', 'manager'));
    assert.equal(error.code, 'invalid_response');
  });
});

describe('invalid_argument: checked before anything is sent', () => {
  const calls: [string, (client: UsersClient) => Promise<unknown>, RegExp][] = [
    ['getUser with an empty id', (client) => client.getUser(''), /at id:/],
    ['getUser with a path in the id', (client) => client.getUser('usr_1/role'), /at id:/],
    ['getUser with a number', (client) => client.getUser(42 as unknown as string), /at id:/],
    [
      'getUser with a signal that is not one',
      (client) => client.getUser('usr_1', { signal: { aborted: false } as AbortSignal }),
      /at options\.signal: expected AbortSignal, got object$/,
    ],
    [
      'setUserStatus with a status the contract lacks',
      (client) => client.setUserStatus('usr_1', 'deleted' as never),
      /at status:/,
    ],
    ['deactivateUser with a bad id', (client) => client.deactivateUser('../me'), /at id:/],
    [
      'setUserRole with a role the contract lacks',
      (client) => client.setUserRole('usr_1', 'owner' as never),
      /at role:/,
    ],
    ['listUsers with limit 0', (client) => client.listUsers({ limit: 0 }), /at query\.limit:/],
    [
      'listUsers with a limit over the maximum',
      (client) => client.listUsers({ limit: 5000 }),
      /at query\.limit:/,
    ],
    [
      'listUsers with an unknown sort',
      (client) => client.listUsers({ sort: 'age' as never }),
      /at query\.sort:/,
    ],
    ['listUsers with an unknown field', (client) => client.listUsers({ page: 2 } as never), /at query/],
    [
      'iterateUsers with a bad status',
      async (client) => {
        for await (const _ of client.iterateUsers({ status: 'gone' as never })) void _;
      },
      /at query\.status:/,
    ],
  ];
  for (const [name, call, where] of calls) {
    test(name, async () => {
      const error = await apiError(call(testClient()));
      assert.equal(error.code, 'invalid_argument');
      assert.equal(error.status, 0);
      assert.match(error.message, where);
      assert.equal(requests.length, 0);
    });
  }

  test('a relative baseUrl outside a browser is refused at creation', () => {
    assert.throws(
      () => createUsersClient({ baseUrl: '/api' }),
      (error: unknown) =>
        isUsersApiError(error) && error.code === 'invalid_argument' && /baseUrl/.test(error.message),
    );
  });

  test('a baseUrl with credentials is refused at creation, without repeating them', () => {
    assert.throws(
      () => createUsersClient({ baseUrl: 'https://admin:hunter2@users.test/api' }),
      (error: unknown) =>
        isUsersApiError(error) &&
        error.code === 'invalid_argument' &&
        /baseUrl/.test(error.message) &&
        !/hunter2/.test(`${error.message} ${String(error.cause)}`),
    );
  });

  test('a baseUrl that is not http(s) is refused at creation', () => {
    assert.throws(() => createUsersClient({ baseUrl: 'ftp://users.test' }), { code: 'invalid_argument' });
  });

  test('a baseUrl with a query or a fragment is refused at creation: the calls would go elsewhere', () => {
    for (const baseUrl of [
      'https://users.test/api?code=k',
      'https://users.test/api#x',
      'https://users.test/api?',
      'https://users.test/api#',
    ]) {
      assert.throws(
        () => createUsersClient({ baseUrl }),
        (error: unknown) =>
          isUsersApiError(error) &&
          error.code === 'invalid_argument' &&
          /query or fragment/.test(error.message) &&
          !/code=k/.test(error.message),
        baseUrl,
      );
    }
  });

  test('out of range numbers are refused at creation', () => {
    assert.throws(() => createUsersClient({ baseUrl: BASE_URL, timeoutMs: 0 }), { code: 'invalid_argument' });
    assert.throws(() => createUsersClient({ baseUrl: BASE_URL, retry: { limit: -1 } }), {
      code: 'invalid_argument',
    });
  });
});

describe('network and getToken failures', () => {
  test('a dropped connection, after the retries, is network with the failure as cause', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.error()));
    const error = await apiError(testClient().getCurrentUser());
    assert.equal(error.code, 'network');
    assert.equal(error.status, 0);
    assert.ok(error.cause instanceof Error);
    assert.equal(requests.length, 3);
  });

  for (const status of [200, 500]) {
    // Without the client's own timeout, the call would never settle: fail instead of hanging.
    test(
      `a ${status} answer whose body stalls after the headers is a timeout`,
      { timeout: 5000 },
      async () => {
        // The headers and the start of a body arrive; the rest never does.
        const stalled = () =>
          new ReadableStream<Uint8Array>({
            start: (controller) => controller.enqueue(new TextEncoder().encode('{"id":')),
          });
        server.use(
          http.get(
            `${BASE_URL}/v1/me`,
            () => new HttpResponse(stalled(), { status, headers: { 'content-type': 'application/json' } }),
          ),
        );
        const error = await apiError(testClient({ timeoutMs: 50 }).getCurrentUser());
        assert.equal(error.code, 'timeout');
      },
    );
  }

  test('a getToken that throws is unauthenticated and sends nothing', async () => {
    const failure = new Error('session store offline');
    const error = await apiError(
      testClient({
        getToken: () => {
          throw failure;
        },
      }).getCurrentUser(),
    );
    assert.equal(error.code, 'unauthenticated');
    assert.equal(error.cause, failure);
    assert.equal(requests.length, 0);
  });
});

describe('the token never appears in an error', () => {
  /** Every way an error could be logged or sent somewhere, through its whole cause chain. */
  function renderings(error: unknown): string[] {
    const texts: string[] = [inspect(error, { depth: Infinity, showHidden: true })];
    let current: unknown = error;
    while (current instanceof Error) {
      const fields = Object.getOwnPropertyNames(current).map((key) => [
        key,
        inspect(Reflect.get(current as Error, key)),
      ]);
      texts.push(String(current), current.stack ?? '', JSON.stringify(current), JSON.stringify(fields));
      current = current.cause;
    }
    if (current !== undefined)
      texts.push(inspect(current, { depth: Infinity }), JSON.stringify(current) ?? '');
    return texts;
  }

  const faults: [string, () => Response | Promise<Response>, Partial<Parameters<typeof testClient>[0]>?][] = [
    ['unauthenticated', () => problem(401, 'unauthenticated', 'Token expired')],
    ['server_error', () => HttpResponse.html('<h1>oops</h1>', { status: 500 })],
    ['forbidden', () => problem(403, 'forbidden')],
    ['network', () => HttpResponse.error()],
    ['invalid_response', () => HttpResponse.json({ ...makeUser(), role: 'owner' })],
    [
      'timeout',
      async () => {
        await delay('infinite');
        return HttpResponse.json(makeUser());
      },
      { timeoutMs: 20 },
    ],
  ];
  for (const [code, answer, options] of faults) {
    test(`in a ${code} error`, async () => {
      server.use(http.get(`${BASE_URL}/v1/me`, answer));
      const error = await apiError(
        testClient({ retry: { limit: 1, backoffMs: 1 }, ...options }).getCurrentUser(),
      );
      assert.equal(error.code, code);
      assert.equal(requests[0]!.headers.get('authorization'), `Bearer ${SECRET_TOKEN}`);
      for (const text of renderings(error)) assert.equal(text.includes(SECRET_TOKEN), false, text);
    });
  }

  test('in an error for a token no header can carry, sent nowhere', async () => {
    for (const token of [`${SECRET_TOKEN}\r\nx-injected: 1`, `${SECRET_TOKEN}\u0000`, `${SECRET_TOKEN}€`]) {
      const error = await apiError(testClient({ getToken: () => token }).getCurrentUser());
      assert.equal(error.code, 'unauthenticated');
      assert.equal(requests.length, 0);
      for (const text of renderings(error)) assert.equal(text.includes(SECRET_TOKEN), false, text);
    }
  });

  test('in an aborted error', async () => {
    const controller = new AbortController();
    server.use(
      http.get(`${BASE_URL}/v1/me`, async () => {
        controller.abort();
        await delay('infinite');
        return HttpResponse.json(makeUser());
      }),
    );
    const error = await apiError(testClient().getCurrentUser({ signal: controller.signal }));
    assert.equal(error.code, 'aborted');
    for (const text of renderings(error)) assert.equal(text.includes(SECRET_TOKEN), false, text);
  });
});

describe('isUsersApiError', () => {
  test('is true for a UsersApiError', () => {
    assert.equal(isUsersApiError(new UsersApiError('not_found', 'gone', { status: 404 })), true);
  });

  test('is true for one from another realm, where instanceof fails', () => {
    const foreign: unknown = vm.runInNewContext(`
      const error = new Error('Not found');
      error.name = 'UsersApiError';
      error.code = 'not_found';
      error.status = 404;
      error;
    `);
    assert.equal(foreign instanceof Error, false);
    assert.equal(isUsersApiError(foreign), true);
    assert.equal(
      isUsersApiError(
        vm.runInNewContext(`({ name: 'UsersApiError', code: 'network', status: 0, message: 'x' })`),
      ),
      true,
    );
  });

  test('is false for anything else', () => {
    for (const value of [
      null,
      undefined,
      'UsersApiError',
      new Error('x'),
      new TypeError('UsersApiError'),
      { name: 'UsersApiError', code: 'network', message: 'no status' },
      { name: 'OtherError', code: 'network', status: 0, message: 'x' },
    ]) {
      assert.equal(isUsersApiError(value), false, inspect(value));
    }
  });
});
