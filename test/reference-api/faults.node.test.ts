/**
 * Fault injection: each kind of fault, its filters, its order, and that `reset()` ends every
 * delay and hang so nothing outlives a test.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { ProblemSchema, UserPageSchema, UserSchema } from '@jt-users/sdk/schemas';
import { createReferenceApi, demoUserIds, DROP, FaultInjector } from '@jt-users/reference-api';
import { assertProblem, call, makeRequest, read } from './support.js';

const api = createReferenceApi();
beforeEach(() => api.reset());

const deactivateMember = () =>
  makeRequest('PUT', `/v1/users/${demoUserIds.member}/status`, { body: { status: 'inactive' } });

/** True when the promise has not settled after the event loop went round a few times. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

describe('failNext', () => {
  test('answers the next requests with the status, then normally again', async () => {
    api.faults.failNext(2, 503);
    for (let attempt = 0; attempt < 2; attempt++) {
      const problem = assertProblem(await call(api, 'GET', '/v1/me'), 503, 'server_error');
      assert.equal(problem.title.length > 0, true);
    }
    assert.equal((await call(api, 'GET', '/v1/me')).status, 200);
  });

  test('a failed request is not applied', async () => {
    api.faults.failNext(1, 500);
    assertProblem(await read((await api.handle(deactivateMember())) as Response), 500, 'server_error');
    assert.equal(api.store.changes.length, 0);
  });

  test('429 is rate_limited with a Retry-After, 1 second unless told otherwise', async () => {
    api.faults.failNext(1, 429).failNext(1, 429, { retryAfterSeconds: 7 });
    const first = await call(api, 'GET', '/v1/me');
    assertProblem(first, 429, 'rate_limited');
    assert.equal(first.headers.get('retry-after'), '1');
    assert.equal((await call(api, 'GET', '/v1/me')).headers.get('retry-after'), '7');
  });

  test('the code and detail can be chosen', async () => {
    api.faults.failNext(1, 409, { code: 'last_admin', detail: 'Injected conflict.' });
    const problem = assertProblem(await call(api, 'GET', '/v1/me'), 409, 'last_admin');
    assert.equal(problem.detail, 'Injected conflict.');
  });

  test('refuses statuses that are not errors and counts that are not positive', () => {
    const faults = new FaultInjector();
    assert.throws(() => faults.failNext(1, 200), RangeError);
    assert.throws(() => faults.failNext(0, 500), RangeError);
    assert.throws(() => faults.dropNext(1.5), RangeError);
  });
});

describe('dropNext', () => {
  test('drops the connection without applying the request', async () => {
    api.faults.dropNext(1);
    assert.equal(await api.handle(deactivateMember()), DROP);
    assert.equal(api.store.get(demoUserIds.member)?.status, 'active');
    assert.equal(api.store.changes.length, 0);
    assert.equal((await call(api, 'GET', '/v1/me')).status, 200);
  });
});

describe('loseAnswerNext', () => {
  test('applies the request, then drops the answer; the retry is a harmless no-op', async () => {
    api.faults.loseAnswerNext(1);
    assert.equal(await api.handle(deactivateMember()), DROP);
    assert.equal(api.store.get(demoUserIds.member)?.status, 'inactive');

    const retry = await read((await api.handle(deactivateMember())) as Response);
    assert.equal(UserSchema.parse(retry.body).status, 'inactive');
    assert.equal(api.store.changes.length, 1);
  });
});

describe('malformNext', () => {
  test('json: a 200 whose body is not JSON', async () => {
    api.faults.malformNext(1, 'json');
    const response = (await api.handle(makeRequest('GET', '/v1/me'))) as Response;
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /json/);
    const text = await response.text();
    assert.ok(text.length > 0);
    assert.throws(() => JSON.parse(text) as unknown, SyntaxError);
  });

  test('schema: valid JSON that breaks the User schema, and the page schema for lists', async () => {
    api.faults.malformNext(2, 'schema');
    const user = await call(api, 'GET', `/v1/users/${demoUserIds.member}`);
    assert.equal(user.status, 200);
    assert.equal(UserSchema.safeParse(user.body).success, false);
    const page = await call(api, 'GET', '/v1/users');
    assert.equal(UserPageSchema.safeParse(page.body).success, false);
  });

  test('html: a 502 HTML error page, not a problem', async () => {
    api.faults.malformNext(1, 'html');
    const answer = await call(api, 'GET', '/v1/me');
    assert.equal(answer.status, 502);
    assert.match(answer.contentType, /^text\/html/);
    assert.match(String(answer.body), /Bad Gateway/);
    assert.equal(ProblemSchema.safeParse(answer.body).success, false);
  });
});

describe('hangNext and latency', () => {
  test('a hanging request never answers until reset(), then drops', async () => {
    api.faults.hangNext(1);
    const pending = api.handle(makeRequest('GET', '/v1/me'));
    assert.equal(await isPending(pending), true);
    api.faults.reset();
    assert.equal(await pending, DROP);
  });

  test('a hanging request ends when the client aborts', async () => {
    api.faults.hangNext(1);
    const controller = new AbortController();
    const pending = api.handle(makeRequest('GET', '/v1/me', { signal: controller.signal }));
    assert.equal(await isPending(pending), true);
    controller.abort();
    assert.equal(await pending, DROP);
  });

  test('a hang applies to one request; the next is answered', async () => {
    api.faults.hangNext(1);
    const hanging = api.handle(makeRequest('GET', '/v1/me'));
    assert.equal((await call(api, 'GET', '/v1/me')).status, 200);
    api.faults.reset();
    assert.equal(await hanging, DROP);
  });

  test('latency delays answers; reset() ends the delay and restores the initial latency', async () => {
    api.faults.latencyMs = 60_000;
    const delayed = api.handle(makeRequest('GET', '/v1/me'));
    assert.equal(await isPending(delayed), true);
    api.faults.reset();
    assert.equal(((await delayed) as Response).status, 200);
    assert.equal(api.faults.latencyMs, 0);
  });

  test('a request aborted during the latency is dropped', async () => {
    api.faults.latencyMs = 60_000;
    const controller = new AbortController();
    const delayed = api.handle(makeRequest('GET', '/v1/me', { signal: controller.signal }));
    controller.abort();
    assert.equal(await delayed, DROP);
  });

  test('the initial latency comes from the options', () => {
    const slow = createReferenceApi({ latencyMs: 250 });
    assert.equal(slow.faults.latencyMs, 250);
    slow.faults.latencyMs = 0;
    slow.reset();
    assert.equal(slow.faults.latencyMs, 250);
  });
});

describe('filters and order', () => {
  test('a method filter leaves other methods alone', async () => {
    api.faults.failNext(1, 500, { match: { method: 'put' } });
    assert.equal((await call(api, 'GET', '/v1/me')).status, 200);
    assertProblem(await read((await api.handle(deactivateMember())) as Response), 500, 'server_error');
  });

  test('a path filter matches a substring or a pattern of the path from /v1/ on', async () => {
    api.faults
      .failNext(1, 503, { match: { path: '/status' } })
      .dropNext(1, { match: { path: /^\/v1\/me$/ } });
    assert.equal((await call(api, 'GET', '/v1/users?limit=1')).status, 200);
    assert.equal(await api.handle(makeRequest('GET', '/api/v1/me')), DROP);
    assert.equal(
      (await call(api, 'PUT', `/v1/users/${demoUserIds.member}/role`, { body: { role: 'member' } })).status,
      200,
    );
    assertProblem(await read((await api.handle(deactivateMember())) as Response), 503, 'server_error');
  });

  test('faults are used up in the order they were added; pending counts what is left', async () => {
    api.faults.failNext(1, 500).failNext(2, 429);
    assert.equal(api.faults.pending, 3);
    assert.equal((await call(api, 'GET', '/v1/me')).status, 500);
    assert.equal((await call(api, 'GET', '/v1/me')).status, 429);
    assert.equal(api.faults.pending, 1);
    api.faults.reset();
    assert.equal(api.faults.pending, 0);
    assert.equal((await call(api, 'GET', '/v1/me')).status, 200);
  });

  test('a CORS preflight is never affected', async () => {
    api.faults.failNext(1, 500);
    const preflight = (await api.handle(
      makeRequest('OPTIONS', '/v1/me', { token: null, headers: { origin: 'http://localhost:1' } }),
    )) as Response;
    assert.equal(preflight.status, 204);
    assert.equal(api.faults.pending, 1);
  });
});
