/**
 * Retries, backoff, Retry-After, timeouts, aborts and the one token refresh after a 401. Attempts
 * are counted at the mock server; waits are read from the delays the client asks `setTimeout` for,
 * never from the clock.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { isUsersApiError, type GetTokenOptions, type UsersApiError } from '@jt-users/sdk';
import { BASE_URL, makeUser, problem, rejectionOf, testClient, useMockServer } from './support.js';

const { server, requests } = useMockServer();

/** Answers with `answers` in turn, the last one again and again. */
function inTurn(...answers: (() => Response | Promise<Response>)[]): () => Response | Promise<Response> {
  let index = 0;
  return () => answers[Math.min(index++, answers.length - 1)]!();
}

const ok = () => HttpResponse.json(makeUser());
const unavailable =
  (headers: HeadersInit = {}) =>
  () =>
    problem(503, 'server_error', 'Maintenance', headers);
const hang = async (): Promise<Response> => {
  await delay('infinite');
  return ok();
};

async function apiError(promise: Promise<unknown>): Promise<UsersApiError> {
  const error = await rejectionOf(promise);
  assert.ok(isUsersApiError(error), String(error));
  return error;
}

/** Records the delay of every `setTimeout` from now on (they still run as asked). */
function recordTimers(t: TestContext): number[] {
  const delays: number[] = [];
  const original = globalThis.setTimeout;
  t.mock.method(globalThis, 'setTimeout', ((callback: () => void, ms?: number, ...rest: unknown[]) => {
    delays.push(ms ?? 0);
    return original(callback, ms, ...rest);
  }) as typeof setTimeout);
  return delays;
}

describe('retries', () => {
  for (const [name, failure] of [
    ['503', unavailable()],
    ['500 HTML page', () => HttpResponse.html('<h1>Error</h1>', { status: 500 })],
    ['408', () => new HttpResponse(null, { status: 408 })],
    ['429 without Retry-After', () => problem(429, 'rate_limited')],
    ['dropped connection', () => HttpResponse.error()],
  ] as const) {
    test(`a GET is retried after a ${name} and succeeds`, async () => {
      server.use(http.get(`${BASE_URL}/v1/users/:id`, inTurn(failure, failure, ok)));
      assert.equal((await testClient().getUser('usr_1')).id, 'usr_1');
      assert.equal(requests.length, 3);
    });
  }

  test('a PUT is retried too: it sets a target value, so repeating it is safe', async () => {
    server.use(
      http.put(
        `${BASE_URL}/v1/users/:id/status`,
        inTurn(unavailable(), () => HttpResponse.json(makeUser({ status: 'inactive' }))),
      ),
    );
    assert.equal((await testClient().deactivateUser('usr_1')).status, 'inactive');
    assert.equal(requests.length, 2);
    assert.deepEqual(await Promise.all(requests.map((request) => request.json())), [
      { status: 'inactive' },
      { status: 'inactive' },
    ]);
  });

  test('gives up after retry.limit retries with the last answer', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, unavailable()));
    const error = await apiError(testClient({ retry: { limit: 3, backoffMs: 1 } }).getCurrentUser());
    assert.equal(error.code, 'server_error');
    assert.equal(error.status, 503);
    assert.equal(requests.length, 4);
  });

  test('limit 0 sends once', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, unavailable()));
    await apiError(testClient({ retry: { limit: 0 } }).getCurrentUser());
    assert.equal(requests.length, 1);
  });

  for (const [status, code] of [
    [400, 'invalid_request'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'last_admin'],
  ] as const) {
    test(`a ${status} is final: no retry`, async () => {
      server.use(http.put(`${BASE_URL}/v1/users/:id/status`, () => problem(status, code)));
      const error = await apiError(testClient().deactivateUser('usr_1'));
      assert.equal(error.code, code);
      assert.equal(requests.length, 1);
    });
  }

  test('an answer that breaks the contract is final: no retry', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => HttpResponse.json({ id: 'usr_1' })));
    await apiError(testClient().getCurrentUser());
    assert.equal(requests.length, 1);
  });

  test('waits grow exponentially from backoffMs, with jitter of at most half', async (t) => {
    server.use(http.get(`${BASE_URL}/v1/me`, inTurn(unavailable(), unavailable(), unavailable(), ok)));
    const client = testClient({ retry: { limit: 3, backoffMs: 40 }, timeoutMs: 7777 });
    const delays = recordTimers(t);
    await client.getCurrentUser();

    const waits = delays.filter((ms) => ms !== 7777 && ms > 0);
    assert.equal(waits.length, 3, `waits: ${waits.join(', ')}`);
    for (const [index, wait] of waits.entries()) {
      const full = 40 * 2 ** index;
      assert.ok(
        wait >= full / 2 && wait <= full,
        `wait ${index + 1} was ${wait}, expected ${full / 2}..${full}`,
      );
    }
  });

  test('waits are capped by maxDelayMs', async (t) => {
    server.use(http.get(`${BASE_URL}/v1/me`, inTurn(unavailable(), unavailable(), ok)));
    const client = testClient({ retry: { limit: 2, backoffMs: 1000, maxDelayMs: 5 }, timeoutMs: 7777 });
    const delays = recordTimers(t);
    await client.getCurrentUser();
    assert.deepEqual(
      delays.filter((ms) => ms !== 7777 && ms > 0),
      [5, 5],
    );
  });
});

describe('Retry-After', () => {
  test('seconds are waited out instead of the backoff', async (t) => {
    server.use(
      http.get(
        `${BASE_URL}/v1/me`,
        inTurn(() => problem(429, 'rate_limited', 'Slow down', { 'retry-after': '1' }), ok),
      ),
    );
    const client = testClient({ timeoutMs: 7777 });
    const delays = recordTimers(t);
    await client.getCurrentUser();
    assert.equal(requests.length, 2);
    assert.ok(delays.includes(1000), `delays: ${delays.join(', ')}`);
  });

  test('an HTTP date in the past means "now"', async (t) => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    server.use(http.get(`${BASE_URL}/v1/me`, inTurn(unavailable({ 'retry-after': past }), ok)));
    const client = testClient({ retry: { limit: 1, backoffMs: 50_000 }, timeoutMs: 7777 });
    const delays = recordTimers(t);
    await client.getCurrentUser();
    assert.equal(requests.length, 2);
    assert.ok(delays.includes(0), `delays: ${delays.join(', ')}`);
  });

  test('longer than maxDelayMs: fails at once with rate_limited and retryAfterSeconds', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/users`, () =>
        problem(429, 'rate_limited', 'Quota used up', { 'retry-after': '3600' }),
      ),
    );
    const error = await apiError(testClient().listUsers());
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterSeconds, 3600);
    assert.equal(error.detail, 'Quota used up');
    assert.equal(requests.length, 1);
  });

  test('an HTTP date in the future is read as seconds from now', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    server.use(
      http.get(`${BASE_URL}/v1/users`, () =>
        problem(429, 'rate_limited', undefined, { 'retry-after': inTwoMinutes }),
      ),
    );
    const error = await apiError(testClient().listUsers());
    assert.equal(requests.length, 1);
    assert.ok(
      error.retryAfterSeconds! >= 118 && error.retryAfterSeconds! <= 120,
      String(error.retryAfterSeconds),
    );
  });

  test('retries exhausted on 429: rate_limited with the last Retry-After', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/me`, () => problem(429, 'rate_limited', undefined, { 'retry-after': '0' })),
    );
    const error = await apiError(testClient().getCurrentUser());
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 0);
    assert.equal(requests.length, 3);
  });

  // Not whole seconds, not a date: "1.5", "-1", "in 5" and "5, 5" (two headers joined) read as dates
  // long past would mean "at once".
  for (const value of ['soon', '1.5', '-1', '5, 5', 'in 5']) {
    test(`an unreadable value (${value}) falls back to the backoff`, async (t) => {
      server.use(http.get(`${BASE_URL}/v1/me`, inTurn(unavailable({ 'retry-after': value }), ok)));
      const client = testClient({ retry: { limit: 1, backoffMs: 8 }, timeoutMs: 7777 });
      const delays = recordTimers(t);
      await client.getCurrentUser();
      const waits = delays.filter((ms) => ms !== 7777);
      assert.equal(waits.length, 1);
      assert.ok(waits[0]! >= 4 && waits[0]! <= 8, `waits: ${waits.join(', ')}`);
    });
  }
});

describe('timeout', () => {
  test('each attempt has timeoutMs; after the retries the call fails with timeout', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, hang));
    const error = await apiError(testClient({ timeoutMs: 20 }).getCurrentUser());
    assert.equal(error.code, 'timeout');
    assert.equal(error.status, 0);
    assert.equal(requests.length, 3);
  });

  test('a slow attempt is retried and the next one can succeed', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, inTurn(hang, ok)));
    assert.equal((await testClient({ timeoutMs: 20 }).getCurrentUser()).id, 'usr_1');
    assert.equal(requests.length, 2);
  });

  // A deadline left running keeps a Node process alive for timeoutMs after the call is done.
  for (const [name, first] of [
    ['a retry', unavailable()],
    ['a token refresh', () => problem(401, 'unauthenticated', 'Expired')],
  ] as const) {
    test(`a call that needed ${name} leaves no deadline running`, async (t) => {
      const deadlines = new Set<unknown>();
      const [set, clear] = [globalThis.setTimeout, globalThis.clearTimeout];
      t.mock.method(globalThis, 'setTimeout', ((callback: () => void, ms?: number) => {
        const handle = set(() => {
          deadlines.delete(handle);
          callback();
        }, ms);
        if (ms === 60_000) deadlines.add(handle);
        return handle;
      }) as typeof setTimeout);
      t.mock.method(globalThis, 'clearTimeout', (handle?: Parameters<typeof clearTimeout>[0]) => {
        deadlines.delete(handle);
        clear(handle);
      });
      server.use(http.get(`${BASE_URL}/v1/me`, inTurn(first, ok)));
      assert.equal((await testClient({ timeoutMs: 60_000 }).getCurrentUser()).id, 'usr_1');
      assert.equal(requests.length, 2);
      assert.equal(deadlines.size, 0);
    });
  }
});

// The time limit only guards against a hang: an abort that is not honoured leaves the request, or a
// 30 s wait, running.
describe('abort', { timeout: 10_000 }, () => {
  test('during a request: rejects with aborted and sends nothing more', async () => {
    const controller = new AbortController();
    const reason = new Error('navigated away');
    server.use(
      http.get(`${BASE_URL}/v1/users`, () => {
        controller.abort(reason);
        return hang();
      }),
    );
    const error = await apiError(
      testClient({ timeoutMs: 60_000 }).listUsers({}, { signal: controller.signal }),
    );
    assert.equal(error.code, 'aborted');
    assert.equal(error.cause, reason);
    assert.equal(requests.length, 1);
  });

  test('during a retry wait: rejects with aborted at once, without another attempt', async () => {
    const controller = new AbortController();
    server.use(http.get(`${BASE_URL}/v1/me`, unavailable({ 'retry-after': '30' })));
    const client = testClient({
      retry: { limit: 2, maxDelayMs: 60_000 },
      // Abort a moment after the answer arrived, while the client waits the 30 s out.
      fetch: async (input, init) => {
        const response = await globalThis.fetch(input, init);
        setTimeout(() => controller.abort(), 5);
        return response;
      },
    });
    const error = await apiError(client.getCurrentUser({ signal: controller.signal }));
    assert.equal(error.code, 'aborted');
    assert.equal(requests.length, 1);
  });

  test('an already aborted signal sends nothing and asks for no token', async () => {
    let tokenCalls = 0;
    const client = testClient({
      getToken: () => {
        tokenCalls += 1;
        return 't';
      },
    });
    const error = await apiError(client.getUser('usr_1', { signal: AbortSignal.abort() }));
    assert.equal(error.code, 'aborted');
    assert.equal(requests.length, 0);
    assert.equal(tokenCalls, 0);
  });

  test('a signal of an older polyfill, without throwIfAborted, is taken and heard', async () => {
    /** What abort-controller polyfills of before `throwIfAborted` give: an event target with the tag. */
    class PolyfillSignal extends EventTarget {
      aborted = false;
      get [Symbol.toStringTag]() {
        return 'AbortSignal';
      }
      abort() {
        this.aborted = true;
        this.dispatchEvent(new Event('abort'));
      }
    }
    server.use(http.get(`${BASE_URL}/v1/users/:id`, ok));
    const client = testClient();
    const signal = new PolyfillSignal();
    const asSignal = signal as unknown as AbortSignal;
    assert.equal((await client.getUser('usr_1', { signal: asSignal })).id, 'usr_1');

    server.use(http.get(`${BASE_URL}/v1/users/:id`, () => hang()));
    const pending = client.getUser('usr_1', { signal: asSignal });
    await delay(20);
    signal.abort();
    assert.equal((await apiError(pending)).code, 'aborted');
    // Aborted before the call: nothing is sent.
    const before = requests.length;
    assert.equal((await apiError(client.getUser('usr_1', { signal: asSignal }))).code, 'aborted');
    assert.equal(requests.length, before);
  });

  test('a PUT can be aborted too', async () => {
    const controller = new AbortController();
    server.use(
      http.put(`${BASE_URL}/v1/users/:id/role`, () => {
        controller.abort();
        return hang();
      }),
    );
    const error = await apiError(testClient().setUserRole('usr_1', 'admin', { signal: controller.signal }));
    assert.equal(error.code, 'aborted');
    assert.equal(requests.length, 1);
  });
});

describe('401 and the token refresh', () => {
  /** Answers `GET /v1/users/{id}` with that user for the token `fresh`, and 401 for any other. */
  const answerFreshTokensOnly = () =>
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, ({ request, params }) =>
        request.headers.get('authorization') === 'Bearer fresh'
          ? HttpResponse.json(makeUser({ id: String(params.id) }))
          : problem(401, 'unauthenticated'),
      ),
    );

  function tokenSource(...tokens: string[]) {
    const calls: GetTokenOptions[] = [];
    const getToken = (options: GetTokenOptions) => {
      calls.push(options);
      return tokens[Math.min(calls.length - 1, tokens.length - 1)]!;
    };
    return { calls, getToken };
  }

  test('asks for a fresh token once and succeeds with it', async () => {
    const { calls, getToken } = tokenSource('expired', 'fresh');
    server.use(
      http.get(`${BASE_URL}/v1/me`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer fresh'
          ? ok()
          : problem(401, 'unauthenticated', 'Token expired'),
      ),
    );
    assert.equal((await testClient({ getToken }).getCurrentUser()).id, 'usr_1');
    assert.deepEqual(calls, [{ forceRefresh: false }, { forceRefresh: true }]);
    assert.deepEqual(
      requests.map((request) => request.headers.get('authorization')),
      ['Bearer expired', 'Bearer fresh'],
    );
  });

  test('calls that meet a 401 at the same time share one refresh', async () => {
    // A rotating refresh token is spent by the first refresh: a second one at the same time fails.
    let refreshes = 0;
    const getToken = async ({ forceRefresh }: GetTokenOptions) => {
      if (!forceRefresh) return 'expired';
      refreshes++;
      await delay(20);
      return 'fresh';
    };
    answerFreshTokensOnly();
    const client = testClient({ getToken });
    const users = await Promise.all(['usr_1', 'usr_2', 'usr_3'].map((id) => client.getUser(id)));
    assert.equal(users.length, 3);
    assert.equal(refreshes, 1);
    // Once it is done, a later 401 asks again.
    await client.getUser('usr_4');
    assert.equal(refreshes, 2);
  });

  test('a refresh that never settles holds no later call', async () => {
    let refreshes = 0;
    const getToken = ({ forceRefresh }: GetTokenOptions) => {
      if (!forceRefresh) return 'expired';
      // The first refresh hangs; the next ones answer.
      return ++refreshes === 1 ? new Promise<string>(() => {}) : 'fresh';
    };
    answerFreshTokensOnly();
    const client = testClient({ getToken, timeoutMs: 100 });
    assert.equal((await apiError(client.getUser('usr_1'))).code, 'timeout');
    assert.equal((await client.getUser('usr_2')).id, 'usr_2');
    assert.equal(refreshes, 2);
  });

  test('a refresh that timed out and settles later leaves the newer shared refresh shared', async () => {
    // How each refresh ends, in the order they started.
    const refreshes: ((token: string) => void)[] = [];
    const getToken = ({ forceRefresh }: GetTokenOptions) =>
      forceRefresh ? new Promise<string>((resolve) => refreshes.push(resolve)) : 'expired';
    const refreshesReach = async (count: number) => {
      while (refreshes.length < count) await delay(1);
    };
    answerFreshTokensOnly();
    const client = testClient({ getToken, timeoutMs: 300 });
    // The first refresh outlives the first call's deadline: no later 401 waits for it.
    assert.equal((await apiError(client.getUser('usr_1'))).code, 'timeout');
    const second = client.getUser('usr_2');
    await refreshesReach(2);
    // The refresh given up on settles while the second one is still under way.
    refreshes[0]!('fresh');
    await delay(5);
    const third = client.getUser('usr_3');
    // The third call's 401 waits for the second refresh instead of starting one more.
    await delay(20);
    refreshes[1]!('fresh');
    assert.equal((await second).id, 'usr_2');
    assert.equal((await third).id, 'usr_3');
    assert.equal(refreshes.length, 2);
  });

  test('a call its caller stops leaves the refresh it waited for shared', async () => {
    // A second refresh beside the first would spend a rotating refresh token twice.
    let refreshes = 0;
    const getToken = async ({ forceRefresh }: GetTokenOptions) => {
      if (!forceRefresh) return 'expired';
      refreshes++;
      await delay(100);
      return 'fresh';
    };
    answerFreshTokensOnly();
    const client = testClient({ getToken });
    const stop = new AbortController();
    const stopped = client.getUser('usr_1', { signal: stop.signal });
    const waiting = client.getUser('usr_2');
    await delay(20);
    stop.abort();
    assert.equal((await apiError(stopped)).code, 'aborted');
    const later = client.getUser('usr_3');
    assert.deepEqual([(await waiting).id, (await later).id], ['usr_2', 'usr_3']);
    assert.equal(refreshes, 1);
  });

  test('a token that is not text is refused before anything is sent', async () => {
    for (const token of [42, { accessToken: 'abc' }, true]) {
      const client = testClient({ getToken: () => token as unknown as string });
      const error = await apiError(client.getCurrentUser());
      assert.equal(error.code, 'unauthenticated');
      assert.equal(error.message, 'No usable access token.');
    }
    assert.equal(requests.length, 0);
    // null, as undefined, is no token: the call goes out without one.
    server.use(http.get(`${BASE_URL}/v1/me`, ok));
    await testClient({ getToken: () => null as unknown as undefined }).getCurrentUser();
    assert.equal(requests[0]!.headers.get('authorization'), null);
  });

  test('a second 401 is unauthenticated, with no further refresh', async () => {
    const { calls, getToken } = tokenSource('expired', 'revoked');
    server.use(
      http.get(`${BASE_URL}/v1/users/:id`, () => problem(401, 'unauthenticated', 'Session revoked')),
    );
    const error = await apiError(testClient({ getToken }).getUser('usr_1'));
    assert.equal(error.code, 'unauthenticated');
    assert.equal(error.status, 401);
    assert.equal(error.detail, 'Session revoked');
    assert.equal(calls.length, 2);
    assert.equal(requests.length, 2);
  });

  test('the refresh does not spend a retry: it happens with limit 0 too', async () => {
    const { getToken } = tokenSource('expired', 'fresh');
    server.use(
      http.put(`${BASE_URL}/v1/users/:id/status`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer fresh' ? ok() : problem(401, 'unauthenticated'),
      ),
    );
    await testClient({ getToken, retry: { limit: 0 } }).activateUser('usr_1');
    assert.equal(requests.length, 2);
  });

  test('without getToken (a cookie session) a 401 is final', async () => {
    server.use(http.get(`${BASE_URL}/v1/me`, () => problem(401, 'unauthenticated')));
    const error = await apiError(testClient({ getToken: undefined }).getCurrentUser());
    assert.equal(error.code, 'unauthenticated');
    assert.equal(requests.length, 1);
  });
});
