/**
 * The SDK in a real browser, against the reference API in msw's service worker: a relative
 * baseUrl resolved against the page, the browser's own fetch, and errors that cross the worker.
 */
import { assert } from '@open-wc/testing';
import { createUsersClient, isUsersApiError, type UsersClient } from '@jt-users/sdk';
import {
  demoTokens,
  demoUserIds,
  startReferenceWorker,
  type ReferenceWorker,
} from '@jt-users/reference-api/browser';

let reference: ReferenceWorker;

before(async () => {
  reference = await startReferenceWorker();
});
afterEach(() => reference.api.reset());
after(() => reference.stop());

const clientAs = (token: string): UsersClient =>
  createUsersClient({ baseUrl: '/api', getToken: () => token, retry: { limit: 2, backoffMs: 1 } });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('@jt-users/sdk in the browser', () => {
  it('resolves a path baseUrl against the page and reads the signed-in user', async () => {
    const me = await clientAs(demoTokens.admin).getCurrentUser();
    assert.equal(me.id, demoUserIds.admin);
    assert.equal(me.role, 'admin');
  });

  it('deactivates a user and activates them again', async () => {
    const client = clientAs(demoTokens.admin);
    assert.equal((await client.deactivateUser(demoUserIds.member)).status, 'inactive');
    assert.equal((await client.getUser(demoUserIds.member)).status, 'inactive');
    assert.equal((await client.activateUser(demoUserIds.member)).status, 'active');
  });

  it('follows every page of the list', async () => {
    const client = clientAs(demoTokens.admin);
    const { total } = await client.listUsers({ limit: 1 });
    let count = 0;
    for await (const user of client.iterateUsers({ limit: 20 })) {
      assert.typeOf(user.id, 'string');
      count += 1;
    }
    assert.equal(count, total);
  });

  it('reports a rule of the server with its code', async () => {
    const error = await rejectionOf(clientAs(demoTokens.member).listUsers());
    assert.equal(isUsersApiError(error), true);
    assert.deepInclude(error, { name: 'UsersApiError', code: 'forbidden', status: 403 });
  });

  it('retries a failed answer and rejects bad arguments without sending', async () => {
    reference.api.faults.failNext(1, 503);
    const client = clientAs(demoTokens.admin);
    assert.equal((await client.getUser(demoUserIds.manager)).id, demoUserIds.manager);
    assert.equal(reference.api.faults.pending, 0);

    reference.api.faults.failNext(1, 500);
    const error = await rejectionOf(client.getUser('not/an/id'));
    assert.deepInclude(error, { code: 'invalid_argument' });
    assert.equal(reference.api.faults.pending, 1);
  });

  it('rejects with aborted when the caller aborts a hanging request', async () => {
    reference.api.faults.hangNext(1);
    const controller = new AbortController();
    const pending = clientAs(demoTokens.admin).getCurrentUser({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejectionOf(pending);
    assert.deepInclude(error, { code: 'aborted', status: 0 });
  });
});
