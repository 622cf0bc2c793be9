import { expect, waitUntil } from '@open-wc/testing';
import { UsersStore } from '@jt-users/elements';
import { createUsersClient, isUsersApiError, type User, type UsersClient } from '@jt-users/sdk';
import { demoTokens, demoUserIds } from '@jt-users/reference-api/browser';
import { eventually, recordingClient, referenceApi, someMember } from './support.js';

/**
 * A client whose requests can be held: `before` ones wait before they reach the server (it has
 * not seen them), `after` ones reach it at once but their answers wait (it answered with what it
 * held then).
 */
function pausingClient(): {
  client: UsersClient;
  /** Holds requests of `method` from now on; without arguments, holds no more. */
  hold: (when?: 'before' | 'after', method?: string) => void;
  waiting: () => number;
  /** Lets the first `count` held requests go on (all by default, and then holds no more). */
  release: (count?: number) => void;
} {
  let holding: { when: 'before' | 'after'; method: string } | undefined;
  const waiting: (() => void)[] = [];
  const wait = () => new Promise<void>((resolve) => waiting.push(resolve));
  const client = createUsersClient({
    baseUrl: '/api',
    getToken: () => demoTokens.admin,
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const held = holding?.method === request.method ? holding.when : undefined;
      if (held === 'before') await wait();
      const answer = await fetch(request);
      if (held === 'after') await wait();
      return answer;
    },
  });
  return {
    client,
    hold: (when, method) => (holding = when && method ? { when, method } : undefined),
    waiting: () => waiting.length,
    release: (count = Infinity) => {
      if (count >= waiting.length) holding = undefined;
      for (const resume of waiting.splice(0, count)) resume();
    },
  };
}

/** A store over a {@link pausingClient} that has loaded an active Member. */
async function pausableStoreWithMember() {
  const api = await referenceApi();
  const paused = pausingClient();
  const store = UsersStore.for(paused.client);
  const member = someMember(api);
  await store.load(member.id);
  return { api, ...paused, store, member };
}

/** Like {@link pausableStoreWithMember}, with a role change the server applied and whose answer waits. */
async function roleChangeAnsweredLate() {
  const paused = await pausableStoreWithMember();
  paused.hold('after', 'PUT');
  const role = paused.store.setRole(paused.member.id, 'manager');
  await eventually(() => paused.waiting() === 1, 'the server applied the role');
  return { ...paused, role };
}

/** A store over a {@link recordingClient} that has loaded an active Member. */
async function recordingStoreWithMember() {
  const api = await referenceApi();
  const { client, sent } = recordingClient();
  const store = UsersStore.for(client);
  const member = someMember(api);
  await store.load(member.id);
  return { api, sent, store, member };
}

/** Runs `body` while something listens to `store`, as an element showing users does. */
async function whileListened(store: UsersStore, body: () => Promise<void>): Promise<void> {
  const unsubscribe = store.subscribe(() => {});
  try {
    await body();
  } finally {
    unsubscribe();
  }
}

/** Waits past the store's first read again after a change with an unknown outcome (at 2 s). */
const pastFirstReadAgain = () => new Promise((resolve) => setTimeout(resolve, 2_500));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('UsersStore', () => {
  it('is one store per client', () => {
    const a = recordingClient().client;
    const b = recordingClient().client;
    expect(UsersStore.for(a)).to.equal(UsersStore.for(a));
    expect(UsersStore.for(a)).not.to.equal(UsersStore.for(b));
  });

  it('asks for the signed-in user once, however many callers ask at once', async () => {
    await referenceApi();
    const { client, sent } = recordingClient();
    const store = UsersStore.for(client);
    const [first, second] = await Promise.all([store.currentUser(), store.currentUser()]);
    const third = await store.currentUser();
    expect(first.id).to.equal(demoUserIds.admin);
    expect(second).to.equal(first);
    expect(third).to.equal(first);
    expect(sent).to.deep.equal(['GET /v1/me']);
    expect(store.get(demoUserIds.admin)?.role).to.equal('admin');
  });

  it('asks again for the signed-in user when told to, once while that answer is on its way', async () => {
    const api = await referenceApi();
    const { client, sent } = recordingClient();
    const store = UsersStore.for(client);
    await store.currentUser();
    // Elements refused at once (403) each ask again: one request serves them all.
    api.store.upsert({ ...api.store.get(demoUserIds.admin)!, role: 'manager' });
    const [first, second] = await Promise.all([
      store.currentUser(undefined, true),
      store.currentUser(undefined, true),
    ]);
    expect(second).to.equal(first);
    expect(first.role).to.equal('manager');
    expect(store.get(demoUserIds.admin)?.role).to.equal('manager');
    expect((await store.currentUser()).role).to.equal('manager');
    expect(sent).to.deep.equal(['GET /v1/me', 'GET /v1/me']);
    // Asked again once that answer is in: a new request.
    await store.currentUser(undefined, true);
    expect(sent).to.have.length(3);
  });

  it('forgets a failed current-user request, so the next call tries again', async () => {
    const api = await referenceApi();
    const { client, sent } = recordingClient();
    const store = UsersStore.for(client);
    api.faults.failNext(1, 503, { match: { path: '/v1/me' } });
    const error = await rejection(store.currentUser());
    expect(isUsersApiError(error)).to.equal(true);
    const user = await store.currentUser();
    expect(user.id).to.equal(demoUserIds.admin);
    expect(sent).to.deep.equal(['GET /v1/me', 'GET /v1/me']);
  });

  it('stops waiting for the current user when the caller aborts, without cancelling it for others', async () => {
    await referenceApi();
    const { client } = recordingClient();
    const store = UsersStore.for(client);
    const controller = new AbortController();
    const waiting = store.currentUser(controller.signal);
    const other = store.currentUser();
    controller.abort();
    const error = await rejection(waiting);
    expect(isUsersApiError(error) && error.code).to.equal('aborted');
    expect((await other).id).to.equal(demoUserIds.admin);
  });

  it('loads and lists users into the cache and tells subscribers which ids changed', async () => {
    const api = await referenceApi();
    const { client } = recordingClient();
    const store = UsersStore.for(client);
    const member = someMember(api);
    const seen: string[][] = [];
    const unsubscribe = store.subscribe((ids) => seen.push([...ids]));
    await store.load(member.id);
    expect(store.get(member.id)).to.deep.equal(member);
    const page = await store.list({ limit: 3 });
    expect(page.items).to.have.length(3);
    for (const user of page.items) expect(store.get(user.id)).to.deep.equal(user);
    expect(seen).to.deep.equal([[member.id], page.items.map((user) => user.id)]);
    unsubscribe();
    store.put({ ...member, name: 'Changed' });
    expect(seen).to.have.length(2);
  });

  it('keeps the cached user and tells nobody when a read brings an equal copy', async () => {
    const api = await referenceApi();
    const { client } = recordingClient();
    const store = UsersStore.for(client);
    const { items } = await store.list({ limit: 5 });
    const cached = items.map((user) => store.get(user.id));
    // One of them signs in meanwhile.
    const signedIn = api.store.upsert({ ...items[2]!, lastLoginAt: new Date().toISOString() });
    const seen: string[][] = [];
    store.subscribe((ids) => seen.push([...ids]));
    await store.list({ limit: 5 });
    expect(seen, 'only the user who signed in').to.deep.equal([[signedIn.id]]);
    expect(store.get(signedIn.id)).to.deep.equal(signedIn);
    items.forEach((user, index) => {
      if (index !== 2) expect(store.get(user.id), user.id).to.equal(cached[index]);
    });
    await store.load(items[0]!.id);
    expect(seen, 'an equal profile read').to.have.length(1);
  });

  it('shows a new status at once, synchronously, and then the server’s user', async () => {
    const api = await referenceApi();
    const { client, sent } = recordingClient();
    const store = UsersStore.for(client);
    const member = someMember(api);
    await store.load(member.id);
    const statusesSeen: string[] = [];
    store.subscribe(() =>
      statusesSeen.push(`${store.get(member.id)?.status}${store.isPending(member.id) ? ' (pending)' : ''}`),
    );

    const request = store.setStatus(member.id, 'inactive');
    expect(store.get(member.id)?.status).to.equal('inactive');
    expect(store.isPending(member.id)).to.equal(true);
    expect(store.isPending(member.id, 'status')).to.equal(true);
    expect(store.isPending(member.id, 'role')).to.equal(false);
    const updated = await request;

    expect(updated.status).to.equal('inactive');
    expect(updated.statusChangedBy?.id).to.equal(demoUserIds.admin);
    expect(store.get(member.id)).to.deep.equal(updated);
    expect(store.isPending(member.id)).to.equal(false);
    expect(statusesSeen).to.deep.equal(['inactive (pending)', 'inactive']);
    expect(sent.filter((line) => line.startsWith('PUT'))).to.deep.equal([
      `PUT /v1/users/${member.id}/status`,
    ]);
  });

  it('sends one request when asked twice while pending', async () => {
    const api = await referenceApi();
    const { client, sent } = recordingClient();
    const store = UsersStore.for(client);
    const member = someMember(api);
    await store.load(member.id);
    const first = store.setStatus(member.id, 'inactive');
    const second = store.setStatus(member.id, 'inactive');
    expect(second).to.equal(first);
    await first;
    expect(sent.filter((line) => line.startsWith('PUT'))).to.have.length(1);
  });

  it('rolls the status back and rethrows the error when the server refuses', async () => {
    await referenceApi();
    const { client } = recordingClient();
    const store = UsersStore.for(client);
    const admin = await store.load(demoUserIds.admin);
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.get(admin.id)?.status ?? 'none'));
    const error = await rejection(store.setStatus(admin.id, 'inactive'));
    expect(isUsersApiError(error) && error.code).to.equal('self_deactivation');
    expect(store.get(admin.id)).to.deep.equal(admin);
    expect(store.isPending(admin.id)).to.equal(false);
    expect(seen).to.deep.equal(['inactive', 'active']);
  });

  it('keeps what was learnt meanwhile when it rolls back: only the changed field goes back', async () => {
    const api = await referenceApi();
    const { client } = recordingClient();
    const store = UsersStore.for(client);
    const member = someMember(api);
    await store.load(member.id);
    api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
    const request = store.setStatus(member.id, 'inactive');
    store.put({ ...member, status: 'inactive', name: 'Renamed meanwhile' });
    await rejection(request);
    expect(store.get(member.id)).to.deep.equal({ ...member, name: 'Renamed meanwhile' });
  });

  it('changes roles the same way, optimistically and with rollback', async () => {
    const api = await referenceApi();
    const { client } = recordingClient();
    const store = UsersStore.for(client);
    const member = someMember(api);
    await store.load(member.id);
    const request = store.setRole(member.id, 'manager');
    expect(store.get(member.id)?.role).to.equal('manager');
    expect(store.isPending(member.id, 'role')).to.equal(true);
    expect((await request).role).to.equal('manager');
    expect(api.store.get(member.id)?.role).to.equal('manager');

    api.faults.failNext(1, 404, { match: { method: 'PUT' } });
    const error = await rejection(store.setRole(member.id, 'external'));
    expect(isUsersApiError(error) && error.code).to.equal('not_found');
    expect(store.get(member.id)?.role).to.equal('manager');
  });

  it('works for a user it has not cached yet, and tells subscribers', async () => {
    const api = await referenceApi();
    const { client } = recordingClient(demoTokens.admin);
    const store = UsersStore.for(client);
    const member = someMember(api);
    const seen: string[][] = [];
    store.subscribe((ids) => seen.push([...ids]));
    const updated = await store.setStatus(member.id, 'inactive');
    expect(store.get(member.id)).to.deep.equal(updated);
    expect(seen.length).to.be.greaterThan(1);
  });

  it('keeps a confirmed change when a read the server answered before it arrives after it', async () => {
    const { api, store, member, hold, waiting, release } = await pausableStoreWithMember();
    hold('after', 'GET');
    const lateRead = store.list({ limit: 200 });
    const lateLoad = store.load(member.id);
    await eventually(() => waiting() === 2, 'the server answered both reads');
    hold();
    await store.setStatus(member.id, 'inactive');
    release();
    const [page, loaded] = await Promise.all([lateRead, lateLoad]);
    // The answers still say what the server held when it read; the cache keeps the change.
    expect(page.items.find((user) => user.id === member.id)?.status).to.equal('active');
    expect(loaded.status).to.equal('active');
    expect(store.get(member.id)?.status).to.equal('inactive');
    expect(api.store.get(member.id)?.status).to.equal('inactive');
    // A read sent after the change is taken as it comes.
    api.store.upsert({ ...api.store.get(member.id)!, name: 'Renamed Elsewhere' });
    await store.load(member.id);
    expect(store.get(member.id)).to.deep.equal(api.store.get(member.id));
  });

  it('keeps what a later read brought when an earlier read arrives after it', async () => {
    const { api, store, member, hold, waiting, release } = await pausableStoreWithMember();
    hold('after', 'GET');
    const earlierRead = store.list({ limit: 200 });
    await eventually(() => waiting() === 1, 'the server answered the list');
    hold();
    // Another Admin deactivates the member after the server answered the list, and a profile
    // on the page reads them before that answer arrives.
    api.store.upsert({ ...api.store.get(member.id)!, status: 'inactive' });
    await store.load(member.id);
    expect(store.get(member.id)?.status).to.equal('inactive');
    release();
    const page = await earlierRead;
    expect(page.items.find((user) => user.id === member.id)?.status).to.equal('active');
    expect(store.get(member.id)?.status).to.equal('inactive');
  });

  it('keeps a deactivation still waiting when the answer to an earlier role change arrives', async () => {
    const { api, store, member, role, hold, waiting, release } = await roleChangeAnsweredLate();
    // The deactivation waits before it reaches the server.
    hold('before', 'PUT');
    const status = store.setStatus(member.id, 'inactive');
    await eventually(() => waiting() === 2, 'the deactivation is on its way');
    release(1);
    await role;
    // The role's answer says active: the deactivation shows until the server answers it.
    expect(store.isPending(member.id, 'status')).to.equal(true);
    expect(store.get(member.id)?.status).to.equal('inactive');
    expect(store.get(member.id)?.role).to.equal('manager');
    release();
    await status;
    expect(store.get(member.id)).to.deep.equal(api.store.get(member.id));
  });

  it('keeps a deactivation the server confirmed when an older role change answers after it', async () => {
    const { api, store, member, role, hold, release } = await roleChangeAnsweredLate();
    hold();
    await store.setStatus(member.id, 'inactive');
    release();
    // That answer holds the status from before the deactivation.
    expect((await role).status).to.equal('active');
    expect(store.get(member.id)).to.deep.equal(api.store.get(member.id));
    expect(store.get(member.id)?.status).to.equal('inactive');
  });

  it('keeps a pending change through a read answered before the server saw the change', async () => {
    const { api, store, member, hold, waiting, release } = await pausableStoreWithMember();
    hold('before', 'PUT');
    const change = store.setStatus(member.id, 'inactive');
    await eventually(() => waiting() === 1, 'the change is on its way');
    await store.load(member.id);
    expect(store.get(member.id)?.status, 'still the pending status').to.equal('inactive');
    release();
    await change;
    expect(store.get(member.id)).to.deep.equal(api.store.get(member.id));
    expect(store.get(member.id)?.status).to.equal('inactive');
  });

  it('reads the user again after a change with an unknown outcome, and shows it if the server applied it late', async function () {
    // The first read again comes 2 s after the failure, the second 8 s later: the wait below
    // catches the second too, on a busy machine.
    this.timeout(20_000);
    const { api, sent, store, member } = await recordingStoreWithMember();
    const admin = api.store.get(demoUserIds.admin)!;
    const reads = () => sent.filter((line) => line === `GET /v1/users/${member.id}`).length;
    await whileListened(store, async () => {
      api.faults.dropNext(1, { match: { method: 'PUT' } });
      const foundApplied: User[] = [];
      const error = await rejection(
        store.setStatus(member.id, 'inactive', (user) => foundApplied.push(user)),
      );
      expect(isUsersApiError(error) && error.code).to.equal('network');
      expect(store.get(member.id)?.status, 'the check found the status unchanged').to.equal('active');
      expect(reads(), 'the load and the check').to.equal(2);

      // The change reaches the server only now, as a request held up on its way would.
      api.store.setStatus({ id: admin.id, name: admin.name }, member.id, 'inactive');
      await waitUntil(() => store.get(member.id)?.status === 'inactive', 'the late change did not show', {
        timeout: 12_000,
      });
      expect(store.get(member.id)).to.deep.equal(api.store.get(member.id));
      expect(foundApplied, 'told once, with the server’s user').to.deep.equal([api.store.get(member.id)]);
      expect(
        reads(),
        'the load, the check, and the read that found it (the second, on a busy machine)',
      ).to.be.within(3, 4);
    });
  });

  it('stops reading again, and reports nothing, once a later change of that kind was made', async () => {
    const { api, sent, store, member } = await recordingStoreWithMember();
    await whileListened(store, async () => {
      api.faults.dropNext(1, { match: { method: 'PUT' } });
      const foundApplied: User[] = [];
      await rejection(store.setStatus(member.id, 'inactive', (user) => foundApplied.push(user)));
      await store.setStatus(member.id, 'inactive');
      await pastFirstReadAgain();
      expect(foundApplied, 'the later change reported itself').to.deep.equal([]);
      expect(
        sent.filter((line) => line.startsWith('GET')),
        'the load and the check, and no read again',
      ).to.deep.equal([`GET /v1/users/${member.id}`, `GET /v1/users/${member.id}`]);
      expect(store.get(member.id)?.status).to.equal('inactive');
    });
  });

  it('rolls back when the check after an unknown outcome fails too, without asking for the signed-in user', async () => {
    const { api, sent, store, member } = await recordingStoreWithMember();
    api.faults.dropNext(1, { match: { method: 'PUT' } }).dropNext(1, { match: { method: 'GET' } });
    const error = await rejection(store.setStatus(member.id, 'inactive'));
    expect(isUsersApiError(error) && error.code).to.equal('network');
    expect(store.get(member.id)?.status).to.equal('active');
    // Only a 403 says the Admin may have lost the right to read users (and is read instead).
    expect(sent).to.deep.equal([
      `GET /v1/users/${member.id}`,
      `PUT /v1/users/${member.id}/status`,
      `GET /v1/users/${member.id}`,
    ]);
  });

  it('does not read the user again after a refusal that says nothing changed', async () => {
    const { api, sent, store, member } = await recordingStoreWithMember();
    await whileListened(store, async () => {
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      await rejection(store.setStatus(member.id, 'inactive'));
      await pastFirstReadAgain();
      expect(sent).to.deep.equal([`GET /v1/users/${member.id}`, `PUT /v1/users/${member.id}/status`]);
    });
  });
});
