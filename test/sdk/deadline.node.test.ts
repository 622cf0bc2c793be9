/**
 * `timeoutMs` against a real socket: one deadline covers an attempt's headers and body, and the
 * connection of an attempt that missed it is closed, not left open to the server.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { createUsersClient, isUsersApiError } from '@jt-users/sdk';
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

const client = (timeoutMs: number) =>
  createUsersClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    timeoutMs,
    retry: { limit: 0 },
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
