/**
 * `timeoutMs` against a real socket: one deadline covers an attempt's headers and body, and the
 * connection of an attempt that missed it is closed, not left open to the server. A body that
 * breaks off or stalls is retried like a request that failed. Then what else
 * a deadline or an abort must end: a `fetch` option or a `getToken` that never settles.
 */
import assert from 'node:assert/strict';
import { getEventListeners, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { createUsersClient, isUsersApiError, type UsersClientOptions } from '@jt-users/sdk';
import { makeUser, rejectionOf } from './support.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let handle: Handler = () => {};
/** Resolves when the server sees the client close a connection. */
let closed: Promise<unknown>;
const server = createServer((request, response) => {
  closed = once(request.socket, 'close');
  handle(request, response);
});

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
after(() => {
  server.closeAllConnections();
  server.close();
});

/** A client of the server; it sends each call once unless given `retry`. */
const client = (timeoutMs: number, retry: UsersClientOptions['retry'] = { limit: 0 }) =>
  createUsersClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    timeoutMs,
    retry,
  });

const body = JSON.stringify(makeUser());
// No keep-alive: a connection a test closed is never reused by the next one.
const HEADERS = { 'content-type': 'application/json', connection: 'close' };

// A call that never settles fails its test rather than hanging the run.
const bounded = { timeout: 5000 };

describe('one deadline per attempt', () => {
  test('a body that stalls ends in timeout, and its connection is closed', bounded, async () => {
    handle = (_request, response) => {
      response.writeHead(200, HEADERS);
      response.write(body.slice(0, 10));
    };
    const error = await rejectionOf(client(200).getCurrentUser());
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'timeout');
    // Without the abort, the socket stays open until the server gives up (never, here).
    await closed;
  });

  test('headers and body share the deadline: slow headers leave the body less time', bounded, async () => {
    // Each half arrives within the deadline on its own; together they miss it.
    handle = (_request, response) => {
      void delay(300).then(() => {
        response.writeHead(200, HEADERS);
        response.write(body.slice(0, 10));
        return delay(300).then(() => response.end(body.slice(10)));
      });
    };
    const error = await rejectionOf(client(500).getCurrentUser());
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'timeout');
  });

  test('an answer within the deadline is read whole', bounded, async () => {
    handle = (_request, response) => {
      response.writeHead(200, HEADERS);
      response.write(body.slice(0, 10));
      void delay(50).then(() => response.end(body.slice(10)));
    };
    assert.equal((await client(2000).getCurrentUser()).id, 'usr_1');
  });
});

describe('an answer whose body fails is retried', () => {
  const retrying = (timeoutMs: number) => client(timeoutMs, { limit: 1, backoffMs: 1 });

  /** Answers the first request with `first`, every later one whole. Returns the request count. */
  function failFirst(first: Handler): () => number {
    let requests = 0;
    handle = (request, response) => {
      requests++;
      if (requests === 1) {
        first(request, response);
        return;
      }
      response.writeHead(200, HEADERS);
      response.end(body);
    };
    return () => requests;
  }

  test('a body that breaks off: the next attempt is read whole', bounded, async () => {
    const requests = failFirst((_request, response) => {
      // Announced whole, so the closed connection is a failure, not the end of the body.
      response.writeHead(200, { ...HEADERS, 'content-length': Buffer.byteLength(body) });
      response.write(body.slice(0, 10), () => response.destroy());
    });
    assert.deepEqual(await retrying(2000).getCurrentUser(), JSON.parse(body));
    assert.equal(requests(), 2);
  });

  test('a body that stalls past the deadline: the next attempt is read whole', bounded, async () => {
    const requests = failFirst((_request, response) => {
      response.writeHead(200, HEADERS);
      response.write(body.slice(0, 10));
    });
    assert.deepEqual(await retrying(300).getCurrentUser(), JSON.parse(body));
    assert.equal(requests(), 2);
  });

  test('a body that breaks the contract is final: one request', bounded, async () => {
    const requests = failFirst((_request, response) => {
      response.writeHead(200, HEADERS);
      response.end(JSON.stringify({ ...makeUser(), status: 'deleted' }));
    });
    const error = await rejectionOf(retrying(2000).getCurrentUser());
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'invalid_response');
    assert.equal(requests(), 1);
  });
});

describe('what the deadline and an abort end besides the request', () => {
  const never = () => new Promise<never>(() => {});
  const stubClient = (options: Partial<UsersClientOptions>) =>
    createUsersClient({ baseUrl: 'https://users.test', retry: { limit: 0 }, ...options });

  test('a fetch option that ignores the signal still times out', bounded, async () => {
    const error = await rejectionOf(stubClient({ fetch: never, timeoutMs: 50 }).getCurrentUser());
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'timeout');
  });

  test('a fetch option that ignores the signal is still stopped by an abort', bounded, async () => {
    const controller = new AbortController();
    const call = stubClient({ fetch: never, timeoutMs: 60_000 }).getCurrentUser({
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const error = await rejectionOf(call);
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'aborted');
  });

  test('a getToken that never settles is stopped by an abort, and nothing is sent', bounded, async () => {
    let sent = 0;
    const controller = new AbortController();
    const call = stubClient({
      getToken: never,
      fetch: () => {
        sent++;
        return never();
      },
    }).getCurrentUser({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejectionOf(call);
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'aborted');
    assert.equal(sent, 0);
  });

  test('a getToken that never settles times out, first or on the refresh after a 401', bounded, async () => {
    let sent = 0;
    const first = await rejectionOf(
      stubClient({ getToken: never, timeoutMs: 50, fetch: never }).getCurrentUser(),
    );
    let asked = 0;
    const refresh = await rejectionOf(
      stubClient({
        // A token at first; the refresh never comes.
        getToken: () => (asked++ === 0 ? Promise.resolve('expired') : never()),
        timeoutMs: 50,
        fetch: () => {
          sent++;
          return Promise.resolve(new Response(null, { status: 401 }));
        },
      }).getCurrentUser(),
    );
    for (const error of [first, refresh]) {
      assert.ok(isUsersApiError(error));
      assert.equal(error.code, 'timeout');
    }
    assert.equal(asked, 2);
    assert.equal(sent, 1);
  });

  test('a call leaves no listener on the caller’s signal, whatever its outcome', bounded, async () => {
    // One signal for a whole page, as a host that cancels on navigation passes it to every call.
    const { signal } = new AbortController();
    const answers = [
      () => Response.json(makeUser()),
      () => new Response('{}', { status: 503 }),
      () => Promise.reject(new TypeError('fetch failed')),
      () => new Response(null, { status: 401 }),
    ];
    for (const answer of answers) {
      const client = stubClient({
        fetch: async () => answer(),
        getToken: () => 'tok',
        retry: { limit: 1, backoffMs: 1 },
      });
      await client.getCurrentUser({ signal }).catch(() => undefined);
      assert.equal(getEventListeners(signal, 'abort').length, 0);
    }
  });

  test(
    'an answer dropped for a retry leaves no unhandled rejection, even with a broken body',
    bounded,
    async () => {
      const unhandled: unknown[] = [];
      const record = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', record);
      try {
        let calls = 0;
        const broken = () =>
          new ReadableStream({ start: (controller) => controller.error(new Error('connection reset')) });
        const client = stubClient({
          retry: { limit: 1, backoffMs: 1 },
          fetch: () =>
            Promise.resolve(
              calls++ === 0 ? new Response(broken(), { status: 503 }) : Response.json(makeUser()),
            ),
        });
        assert.equal((await client.getCurrentUser()).id, 'usr_1');
        await delay(20);
        assert.deepEqual(unhandled, []);
      } finally {
        process.off('unhandledRejection', record);
      }
    },
  );
});
