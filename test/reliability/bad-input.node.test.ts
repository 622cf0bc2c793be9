/**
 * Bad input to the SDK: every method given wrong types, empty strings, unknown statuses or roles,
 * huge ids and bad options rejects with `invalid_argument`, sends nothing and throws nothing
 * synchronously; `createUsersClient` refuses options that cannot make a working client.
 * The cases are data (bad-input-cases.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { createUsersClient, isUsersApiError, type UsersClient } from '@jt-users/sdk';
import { BAD_CLIENT_OPTIONS, SDK_CASES } from './bad-input-cases.js';

/** A value, short enough for a test name. */
function show(value: unknown): string {
  const text = inspect(value, { breakLength: Infinity, maxStringLength: 24, depth: 2 });
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A client whose every request is counted and answered 200 `{}`, which no method would accept. */
function countingClient(): { client: UsersClient; requests: () => number } {
  let requests = 0;
  const client = createUsersClient({
    baseUrl: 'https://api.example.com/',
    getToken: () => 'token',
    retry: { limit: 0 },
    fetch: () => {
      requests++;
      return Promise.resolve(Response.json({}));
    },
  });
  return { client, requests: () => requests };
}

/** Calls the method (draining `iterateUsers`), asserting it does not throw before it returns. */
async function call(
  client: UsersClient,
  method: keyof UsersClient,
  args: readonly unknown[],
): Promise<unknown> {
  const fn = client[method] as (...params: unknown[]) => unknown;
  let result: unknown;
  assert.doesNotThrow(() => (result = fn(...args)), 'threw instead of rejecting');
  if (method === 'iterateUsers') {
    for await (const _ of result as AsyncIterable<unknown>) {
      // Draining is the call: a bad query must fail at the first step.
    }
    return undefined;
  }
  return result;
}

describe('bad input to the SDK methods', () => {
  for (const { method, args } of SDK_CASES) {
    test(`${method}(${args.map(show).join(', ')}) rejects with invalid_argument and sends nothing`, async () => {
      const { client, requests } = countingClient();
      await assert.rejects(call(client, method, args), (error: unknown) => {
        assert.ok(isUsersApiError(error), `not a UsersApiError: ${String(error)}`);
        assert.equal(error.code, 'invalid_argument', error.message);
        assert.equal(error.status, 0);
        return true;
      });
      assert.equal(requests(), 0, 'a request was sent');
    });
  }
});

describe('bad options of createUsersClient', () => {
  for (const options of BAD_CLIENT_OPTIONS) {
    test(`createUsersClient(${show(options)}) throws invalid_argument`, () => {
      assert.throws(
        () => createUsersClient(options as Parameters<typeof createUsersClient>[0]),
        (error: unknown) => {
          assert.ok(isUsersApiError(error), `not a UsersApiError: ${String(error)}`);
          assert.equal(error.code, 'invalid_argument');
          return true;
        },
      );
    });
  }
});
