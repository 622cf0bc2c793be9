/**
 * The SDK against the reference API's msw handlers (`fetch` intercepted in-process, under a path
 * prefix), the setup the elements' tests and stories use.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { createUsersClient, isUsersApiError, type UsersClient } from '@jt-users/sdk';
import { demoTokens, demoUserIds, setupReferenceServer } from '@jt-users/reference-api/node';
import { rejectionOf } from './support.js';

const server = setupReferenceServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.api.reset());
after(() => server.close());

const BASE_URL = 'https://admin.example/api';
const admin = (): UsersClient =>
  createUsersClient({
    baseUrl: BASE_URL,
    getToken: () => demoTokens.admin,
    retry: { limit: 2, backoffMs: 1 },
  });

describe('through msw handlers', () => {
  test('every page of a filtered list, in the order asked for', async () => {
    const ids: string[] = [];
    for await (const user of admin().iterateUsers({ status: 'active', sort: '-createdAt', limit: 5 })) {
      assert.equal(user.status, 'active');
      ids.push(user.id);
    }
    const { total } = await admin().listUsers({ status: 'active', limit: 1 });
    assert.equal(ids.length, total);
    const created = server.api.store.all().filter((user) => ids.includes(user.id));
    const newestFirst = created.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
    );
    assert.equal(ids[0], newestFirst[0]!.id);
  });

  test('a deactivation shows in the store and in the next read', async () => {
    const client = admin();
    await client.deactivateUser(demoUserIds.external);
    assert.equal(server.api.store.get(demoUserIds.external)?.status, 'inactive');
    assert.equal((await client.getUser(demoUserIds.external)).status, 'inactive');
    assert.equal((await client.activateUser(demoUserIds.external)).status, 'active');
  });

  test('a dropped answer (msw network error) is retried', async () => {
    server.api.faults.dropNext(2);
    assert.equal((await admin().getCurrentUser()).id, demoUserIds.admin);
  });

  test('a hanging request ends with aborted when the caller aborts', async () => {
    server.api.faults.hangNext(1);
    const controller = new AbortController();
    const pending = admin().getUser(demoUserIds.member, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await rejectionOf(pending);
    assert.ok(isUsersApiError(error));
    assert.equal(error.code, 'aborted');
    assert.equal(server.api.faults.pending, 0);
  });
});
