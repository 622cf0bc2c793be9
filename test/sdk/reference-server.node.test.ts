/**
 * The SDK against the real HTTP reference server on an ephemeral port: real sockets, real
 * timeouts, real dropped connections. An Admin's whole journey, every rule's error, and the
 * faults the server can inject.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  createUsersClient,
  isUsersApiError,
  type UsersApiError,
  type UsersClient,
  type UsersClientOptions,
} from '@jt-users/sdk';
import {
  demoTokens,
  demoUserIds,
  startReferenceServer,
  type ReferenceServer,
} from '@jt-users/reference-api/node';
import { rejectionOf } from './support.js';

let server: ReferenceServer;
before(async () => {
  server = await startReferenceServer({ port: 0 });
});
afterEach(() => server.api.reset());
after(() => server.close());

/** A client signed in with `token` (a demo role's by default), with millisecond backoff. */
function clientAs(token: string, options: Partial<UsersClientOptions> = {}): UsersClient {
  return createUsersClient({
    baseUrl: server.url,
    getToken: () => token,
    retry: { limit: 2, backoffMs: 1 },
    ...options,
  });
}
const admin = () => clientAs(demoTokens.admin);

async function apiError(promise: Promise<unknown>): Promise<UsersApiError> {
  const error = await rejectionOf(promise);
  assert.ok(isUsersApiError(error), String(error));
  return error;
}

describe('an Admin manages users', () => {
  test('lists, searches, deactivates, sees it, and activates again', async () => {
    const client = admin();
    const me = await client.getCurrentUser();
    assert.equal(me.id, demoUserIds.admin);
    assert.equal(me.role, 'admin');

    const firstPage = await client.listUsers({ limit: 10, sort: 'name' });
    assert.equal(firstPage.items.length, 10);
    assert.ok(firstPage.total > 10);
    assert.notEqual(firstPage.nextCursor, null);

    const everyone: string[] = [];
    for await (const user of client.iterateUsers({ limit: 7 })) everyone.push(user.id);
    assert.equal(everyone.length, firstPage.total);
    assert.equal(new Set(everyone).size, everyone.length);

    const found = await client.listUsers({ search: 'mei chen' });
    assert.deepEqual(
      found.items.map((user) => user.id),
      [demoUserIds.member],
    );

    const deactivated = await client.deactivateUser(demoUserIds.member);
    assert.equal(deactivated.status, 'inactive');
    assert.deepEqual(deactivated.statusChangedBy, { id: me.id, name: me.name });
    assert.equal((await client.getUser(demoUserIds.member)).status, 'inactive');
    const inactive = await client.listUsers({ status: 'inactive', search: 'mei' });
    assert.ok(inactive.items.some((user) => user.id === demoUserIds.member));

    // An inactive user cannot sign in: their token stops working.
    const locked = await apiError(clientAs(demoTokens.member).getCurrentUser());
    assert.equal(locked.code, 'unauthenticated');

    const activated = await client.activateUser(demoUserIds.member);
    assert.equal(activated.status, 'active');
    assert.equal((await clientAs(demoTokens.member).getCurrentUser()).id, demoUserIds.member);

    // Setting the status the user already has succeeds and changes nothing.
    const again = await client.setUserStatus(demoUserIds.member, 'active');
    assert.equal(again.statusChangedAt, activated.statusChangedAt);
  });

  test('changes a role and changes it back', async () => {
    const client = admin();
    assert.equal((await client.setUserRole(demoUserIds.member, 'external')).role, 'external');
    assert.equal((await client.getUser(demoUserIds.member)).role, 'external');
    assert.equal((await client.setUserRole(demoUserIds.member, 'member')).role, 'member');
  });
});

describe('every rule of the server, as the SDK reports it', () => {
  test('403 forbidden for a Member', async () => {
    const error = await apiError(clientAs(demoTokens.member).listUsers());
    assert.equal(error.code, 'forbidden');
    assert.equal(error.status, 403);
    assert.ok(error.detail);
  });

  test('404 not_found for an unknown id', async () => {
    const error = await apiError(admin().getUser('usr_nobody'));
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
  });

  test('409 self_deactivation for an Admin deactivating themself', async () => {
    const error = await apiError(admin().deactivateUser(demoUserIds.admin));
    assert.equal(error.code, 'self_deactivation');
    assert.equal(error.status, 409);
  });

  test('409 last_admin when the change would leave no active Admin', async () => {
    const client = admin();
    const admins = await client.listUsers({ role: 'admin', status: 'active' });
    for (const other of admins.items.filter((user) => user.id !== demoUserIds.admin))
      await client.deactivateUser(other.id);

    const error = await apiError(client.setUserRole(demoUserIds.admin, 'member'));
    assert.equal(error.code, 'last_admin');
    assert.equal(error.status, 409);
    assert.match(error.message, /only active Admin/);
  });

  test('400 invalid_request for a cursor the server did not hand out', async () => {
    const error = await apiError(admin().listUsers({ cursor: 'not-a-cursor' }));
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.status, 400);
  });

  test('401 unauthenticated for an unknown token, after one refresh', async () => {
    const calls: boolean[] = [];
    const client = createUsersClient({
      baseUrl: server.url,
      getToken: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return 'made-up';
      },
    });
    const error = await apiError(client.getCurrentUser());
    assert.equal(error.code, 'unauthenticated');
    assert.deepEqual(calls, [false, true]);
  });
});

describe('faults over real sockets', () => {
  test('two 503s, then the answer: retried and resolved', async () => {
    server.api.faults.failNext(2, 503);
    assert.equal((await admin().getUser(demoUserIds.member)).id, demoUserIds.member);
    assert.equal(server.api.faults.pending, 0);
  });

  test('a dropped connection is retried', async () => {
    server.api.faults.dropNext(1);
    assert.equal((await admin().getCurrentUser()).id, demoUserIds.admin);
  });

  test('a lost answer to a PUT is retried safely: the change happens once', async () => {
    server.api.faults.loseAnswerNext(1, { match: { method: 'PUT' } });
    const user = await admin().deactivateUser(demoUserIds.member);
    assert.equal(user.status, 'inactive');
    assert.equal(server.api.store.changes.filter((change) => change.userId === demoUserIds.member).length, 1);
  });

  test('drops on every attempt end in network', async () => {
    server.api.faults.dropNext(3);
    const error = await apiError(admin().getCurrentUser());
    assert.equal(error.code, 'network');
  });

  test('429 with Retry-After beyond maxDelayMs is rate_limited at once', async () => {
    server.api.faults.failNext(1, 429, { retryAfterSeconds: 60 });
    const error = await apiError(admin().listUsers());
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterSeconds, 60);
    assert.equal(server.api.faults.pending, 0);
  });

  test('a hanging server is a timeout', async () => {
    server.api.faults.hangNext(2);
    const error = await apiError(
      clientAs(demoTokens.admin, { timeoutMs: 50, retry: { limit: 1, backoffMs: 1 } }).getCurrentUser(),
    );
    assert.equal(error.code, 'timeout');
  });

  for (const kind of ['json', 'schema'] as const) {
    test(`a malformed body (${kind}) is invalid_response, not retried`, async () => {
      server.api.faults.malformNext(2, kind);
      const error = await apiError(admin().listUsers());
      assert.equal(error.code, 'invalid_response');
      assert.equal(server.api.faults.pending, 1);
    });
  }

  test('a proxy HTML page (502) is retried, then server_error', async () => {
    server.api.faults.malformNext(3, 'html');
    const error = await apiError(admin().getCurrentUser());
    assert.equal(error.code, 'server_error');
    assert.equal(error.status, 502);
  });
});
