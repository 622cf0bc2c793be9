/**
 * The store's rules one by one: search, filters, sorting, cursor pagination, limits, and the
 * rules of status and role changes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  USER_ROLES,
  USER_SORT_FIELDS,
  type User,
  type UserQuery,
} from '@jt-users/sdk/schemas';
import { ApiProblemError, createSeedUsers, demoUserIds, UserStore } from '@jt-users/reference-api';
import { ids, makeUser } from './support.js';

const admin = { id: demoUserIds.admin, name: 'Ada Lindqvist' };

/** Every user of a query, page by page, checking the pages as it goes. */
function listAll(store: UserStore, query: Omit<UserQuery, 'cursor'>): { users: User[]; pages: number } {
  const users: User[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = store.list({ ...query, cursor });
    pages++;
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (cursor !== undefined)
      assert.equal(page.items.length, query.limit ?? DEFAULT_PAGE_SIZE, 'only the last page may be short');
  } while (cursor !== undefined);
  return { users, pages };
}

function rejectsWith(action: () => unknown, status: number, code: string): ApiProblemError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ApiProblemError, `expected an ApiProblemError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    return error;
  }
  assert.fail(`expected ${status} ${code}`);
}

describe('search and filters', () => {
  const store = new UserStore({
    users: [
      makeUser({ id: 'u1', name: 'Grace Hopper', email: 'grace@navy.example', role: 'admin' }),
      makeUser({ id: 'u2', name: 'Alan Turing', email: 'alan@bletchley.example', status: 'inactive' }),
      makeUser({ id: 'u3', name: 'Katherine Johnson', email: 'kj@NASA.example', role: 'manager' }),
      makeUser({
        id: 'u4',
        name: 'Margaret Hamilton',
        email: 'margaret@nasa.example',
        role: 'external',
        status: 'inactive',
      }),
    ],
  });

  test('search is case-insensitive and matches name or email', () => {
    assert.deepEqual(ids(store.list({ search: 'GRACE' }).items), ['u1']);
    assert.deepEqual(ids(store.list({ search: 'nasa', sort: 'name' }).items), ['u3', 'u4']);
    assert.deepEqual(ids(store.list({ search: 'turing' }).items), ['u2']);
    assert.deepEqual(store.list({ search: 'nobody' }), { items: [], nextCursor: null, total: 0 });
  });

  test('blank search matches everyone', () => {
    assert.equal(store.list({ search: '   ' }).total, 4);
  });

  test('status and role filter, alone and combined with search', () => {
    assert.deepEqual(ids(store.list({ status: 'inactive', sort: 'name' }).items), ['u2', 'u4']);
    assert.deepEqual(ids(store.list({ role: 'manager' }).items), ['u3']);
    assert.deepEqual(ids(store.list({ status: 'inactive', role: 'external', search: 'nasa' }).items), ['u4']);
    assert.deepEqual(ids(store.list({ status: 'active', role: 'external' }).items), []);
  });

  test('total counts every match, not the page', () => {
    const page = store.list({ status: 'inactive', limit: 1 });
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 2);
    assert.notEqual(page.nextCursor, null);
  });
});

describe('sorting', () => {
  const store = new UserStore({
    users: [
      makeUser({
        id: 'c',
        name: 'bob',
        email: 'b@x.test',
        role: 'external',
        createdAt: '2024-03-01T00:00:00.000Z',
        lastLoginAt: '2025-01-02T00:00:00.000Z',
      }),
      makeUser({
        id: 'a',
        name: 'Émile',
        email: 'e@x.test',
        role: 'admin',
        status: 'inactive',
        createdAt: '2024-01-01T00:00:00.000Z',
      }),
      makeUser({
        id: 'd',
        name: 'Alice',
        email: 'a@x.test',
        role: 'manager',
        createdAt: '2024-02-01T00:00:00.000+02:00',
        lastLoginAt: '2025-01-01T00:00:00.000Z',
      }),
      makeUser({
        id: 'b',
        name: 'Zed',
        email: 'z@x.test',
        role: 'member',
        status: 'inactive',
        createdAt: '2024-01-31T23:00:00.000Z',
        lastLoginAt: '2025-01-03T00:00:00.000Z',
      }),
      makeUser({
        id: 'e',
        name: 'Alice',
        email: 'alice@x.test',
        role: 'admin',
        createdAt: '2024-03-01T00:00:00.000Z',
      }),
    ],
  });
  const order = (sort: UserQuery['sort']) => ids(store.list({ sort }).items);

  test('name sorts as people read (case and accents aside), ties by id', () => {
    assert.deepEqual(order('name'), ['d', 'e', 'c', 'a', 'b']);
    assert.deepEqual(order('-name'), ['b', 'a', 'c', 'd', 'e'], 'ties stay in id order when descending');
  });

  test('the default sort is by name', () => {
    assert.deepEqual(order(undefined), order('name'));
  });

  test('email sorts alphabetically', () => {
    assert.deepEqual(order('email'), ['d', 'e', 'c', 'a', 'b']);
    assert.deepEqual(order('-email'), ['b', 'a', 'c', 'e', 'd']);
  });

  test('role sorts by rank, Admin first', () => {
    assert.deepEqual(order('role'), ['a', 'e', 'd', 'b', 'c']);
    assert.deepEqual(order('-role'), ['c', 'b', 'd', 'a', 'e']);
  });

  test('status sorts active first', () => {
    assert.deepEqual(order('status'), ['c', 'd', 'e', 'a', 'b']);
    assert.deepEqual(order('-status'), ['a', 'b', 'c', 'd', 'e']);
  });

  test('createdAt sorts by instant, whatever the offset', () => {
    // d is 2024-01-31T22:00Z, one hour before b.
    assert.deepEqual(order('createdAt'), ['a', 'd', 'b', 'c', 'e']);
    assert.deepEqual(order('-createdAt'), ['c', 'e', 'b', 'd', 'a']);
  });

  test('lastLoginAt puts users who never logged in last, in both directions', () => {
    assert.deepEqual(order('lastLoginAt'), ['d', 'c', 'b', 'a', 'e']);
    assert.deepEqual(order('-lastLoginAt'), ['b', 'c', 'd', 'a', 'e']);
  });
});

describe('pagination', () => {
  const store = new UserStore({ seedSize: 137 });
  const everyone = new Set(ids(store.all()));

  for (const field of USER_SORT_FIELDS) {
    for (const sort of [field, `-${field}`] as const) {
      test(`pages sorted by ${sort} cover every user exactly once, in the order of one big page`, () => {
        const { users, pages } = listAll(store, { sort, limit: 9 });
        assert.equal(pages, Math.ceil(137 / 9));
        assert.equal(new Set(ids(users)).size, users.length, 'no duplicates');
        assert.deepEqual(new Set(ids(users)), everyone, 'no misses');
        assert.deepEqual(ids(users), ids(store.list({ sort, limit: MAX_PAGE_SIZE }).items));
      });
    }
  }

  test('filtered pages cover exactly the matching users and report their total', () => {
    const query = { status: 'inactive', search: 'a', sort: '-createdAt', limit: 3 } as const;
    const { users } = listAll(store, query);
    const expected = store
      .all()
      .filter(
        (user) => user.status === 'inactive' && `${user.name} ${user.email}`.toLowerCase().includes('a'),
      );
    assert.ok(expected.length > 3, 'the fixture spans several pages');
    assert.deepEqual(new Set(ids(users)), new Set(ids(expected)));
    assert.equal(store.list(query).total, expected.length);
  });

  test('the default page has 50 users; 1 and 200 are accepted', () => {
    assert.equal(store.list().items.length, DEFAULT_PAGE_SIZE);
    assert.equal(store.list({ limit: 1 }).items.length, 1);
    assert.equal(store.list({ limit: MAX_PAGE_SIZE }).items.length, 137);
    assert.equal(store.list({ limit: MAX_PAGE_SIZE }).nextCursor, null);
  });

  for (const limit of [0, MAX_PAGE_SIZE + 1, -1, 2.5]) {
    test(`limit ${limit} is refused with 400`, () => {
      const error = rejectsWith(() => store.list({ limit }), 400, 'invalid_request');
      assert.match(error.detail, /^limit: /);
    });
  }

  test('a change during paging neither repeats nor skips the users still in the list', () => {
    const paging = new UserStore({ seedSize: 40 });
    const first = paging.list({ status: 'active', sort: 'name', limit: 5 });
    // Deactivating a user already shown shrinks the filtered list in front of the cursor.
    paging.setStatus(admin, first.items[2]!.id, 'inactive');
    const second = paging.list({ status: 'active', sort: 'name', limit: 5, cursor: first.nextCursor! });
    const after = ids(paging.list({ status: 'active', sort: 'name', limit: MAX_PAGE_SIZE }).items);
    const lastShown = after.indexOf(first.items[4]!.id);
    assert.deepEqual(ids(second.items), after.slice(lastShown + 1, lastShown + 6));
  });

  test('a cursor from another query, or no cursor at all, is refused with 400', () => {
    const { nextCursor } = store.list({ sort: 'name', limit: 5 });
    assert.ok(nextCursor);
    rejectsWith(() => store.list({ sort: 'email', limit: 5, cursor: nextCursor }), 400, 'invalid_request');
    rejectsWith(
      () => store.list({ sort: 'name', status: 'active', cursor: nextCursor }),
      400,
      'invalid_request',
    );
    rejectsWith(() => store.list({ cursor: 'not-a-cursor' }), 400, 'invalid_request');
    rejectsWith(() => store.list({ cursor: btoa('{"q":1}') }), 400, 'invalid_request');
  });

  test('cursors survive names outside Latin-1', () => {
    const unicode = new UserStore({
      users: ['Zoë', 'Łukasz', '李雷', '😀 Smile', 'Ørsted'].map((name, index) =>
        makeUser({ id: `n${index}`, name }),
      ),
    });
    const { users } = listAll(unicode, { sort: 'name', limit: 2 });
    assert.equal(users.length, 5);
    assert.equal(new Set(ids(users)).size, 5);
  });

  test('cursors fit the contract’s 200 characters, whatever the ids, names, emails and search', () => {
    const long = 'x'.repeat(200);
    const users = ['a', 'b', 'c'].map((letter, index) =>
      makeUser({
        id: `${letter}${'0'.repeat(63)}`,
        name: `${long} ${letter}`,
        email: `${long}.${letter}@example.test`,
        role: USER_ROLES[index],
        lastLoginAt: index === 0 ? null : `2024-0${index}-01T00:00:00.000Z`,
      }),
    );
    const longest = new UserStore({ users });
    // The longest search the contract allows.
    const search = 'x'.repeat(200);
    for (const field of USER_SORT_FIELDS) {
      for (const sort of [field, `-${field}`] as const) {
        let cursor: string | undefined;
        const seen: string[] = [];
        do {
          const page = longest.list({ search, sort, limit: 1, cursor });
          seen.push(...ids(page.items));
          cursor = page.nextCursor ?? undefined;
          assert.ok((cursor?.length ?? 0) <= 200, `${sort}: a cursor of ${cursor?.length} characters`);
        } while (cursor !== undefined);
        assert.deepEqual(seen.sort(), ids(users).sort(), sort);
      }
    }
  });

  test('a cursor naming a user the store does not know is refused with 400', () => {
    const { nextCursor } = store.list({ sort: 'name', limit: 1 });
    const fromUrl = (text: string) => atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const toUrl = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const { q } = JSON.parse(fromUrl(nextCursor!)) as { q: string };
    const forged = toUrl(JSON.stringify({ q, id: 'usr_nobody' }));
    rejectsWith(() => store.list({ sort: 'name', limit: 1, cursor: forged }), 400, 'invalid_request');
  });

  test('unknown query fields and values are refused with 400, naming them', () => {
    const error = rejectsWith(
      () => store.list({ status: 'asleep', colour: 'red' } as unknown as UserQuery),
      400,
      'invalid_request',
    );
    assert.match(error.detail, /status: must be one of "active", "inactive"/);
    assert.match(error.detail, /unknown parameter "colour"/);
  });
});

describe('status changes', () => {
  const fixedNow = new Date('2025-06-01T12:00:00.000Z');
  const seeded = () => new UserStore({ clock: () => fixedNow });

  test('deactivating records statusChangedAt, statusChangedBy and one change', () => {
    const store = seeded();
    const user = store.setStatus(admin, demoUserIds.member, 'inactive');
    assert.equal(user.status, 'inactive');
    assert.equal(user.statusChangedAt, fixedNow.toISOString());
    assert.deepEqual(user.statusChangedBy, admin);
    assert.deepEqual(store.get(demoUserIds.member), user);
    assert.deepEqual(store.changes, [
      {
        userId: demoUserIds.member,
        field: 'status',
        from: 'active',
        to: 'inactive',
        by: admin.id,
        at: fixedNow.toISOString(),
      },
    ]);
  });

  test('activating again is recorded too: every change can be undone', () => {
    const store = seeded();
    store.setStatus(admin, demoUserIds.member, 'inactive');
    assert.equal(store.setStatus(admin, demoUserIds.member, 'active').status, 'active');
    assert.deepEqual(
      store.changes.map(({ from, to }) => `${from}->${to}`),
      ['active->inactive', 'inactive->active'],
    );
  });

  test('setting the current status succeeds and records nothing', () => {
    const store = seeded();
    const before = store.get(demoUserIds.member);
    assert.deepEqual(store.setStatus(admin, demoUserIds.member, 'active'), before);
    assert.deepEqual(store.get(demoUserIds.member), before);
    assert.equal(store.changes.length, 0);
  });

  test('an unknown user is 404', () => {
    rejectsWith(() => seeded().setStatus(admin, 'usr_missing', 'inactive'), 404, 'not_found');
  });

  test('an Admin cannot deactivate themself (409 self_deactivation)', () => {
    const store = seeded();
    rejectsWith(() => store.setStatus(admin, admin.id, 'inactive'), 409, 'self_deactivation');
    assert.equal(store.get(admin.id)?.status, 'active');
    assert.equal(store.changes.length, 0);
  });

  test('deactivating the last active Admin is refused (409 last_admin)', () => {
    const store = new UserStore({
      users: [
        makeUser({ id: 'boss', role: 'admin' }),
        makeUser({ id: 'other', role: 'admin', status: 'inactive' }),
      ],
    });
    // Acting as someone else: the rule holds whoever asks.
    rejectsWith(
      () => store.setStatus({ id: 'system', name: 'System' }, 'boss', 'inactive'),
      409,
      'last_admin',
    );
    assert.equal(store.get('boss')?.status, 'active');
  });

  test('with two active Admins one may be deactivated, then the other no longer', () => {
    const store = new UserStore({
      users: [makeUser({ id: 'a1', role: 'admin' }), makeUser({ id: 'a2', role: 'admin' })],
    });
    store.setStatus({ id: 'a1', name: 'A1' }, 'a2', 'inactive');
    rejectsWith(() => store.setStatus({ id: 'a2', name: 'A2' }, 'a1', 'inactive'), 409, 'last_admin');
    assert.equal(store.activeAdminCount(), 1);
  });
});

describe('role changes', () => {
  test('changing a role records a change but leaves statusChanged* alone', () => {
    const store = new UserStore();
    const before = store.get(demoUserIds.member)!;
    const user = store.setRole(admin, demoUserIds.member, 'manager');
    assert.equal(user.role, 'manager');
    assert.equal(user.statusChangedAt, before.statusChangedAt);
    assert.equal(store.changes.length, 1);
    assert.deepEqual(
      { ...store.changes[0], at: undefined },
      {
        userId: demoUserIds.member,
        field: 'role',
        from: 'member',
        to: 'manager',
        by: admin.id,
        at: undefined,
      },
    );
  });

  test('setting the current role succeeds and records nothing', () => {
    const store = new UserStore();
    assert.equal(store.setRole(admin, demoUserIds.member, 'member').role, 'member');
    assert.equal(store.changes.length, 0);
  });

  test('demoting the last active Admin is refused (409 last_admin), even by themself', () => {
    const store = new UserStore({
      users: [makeUser({ id: 'boss', name: 'Boss', role: 'admin' }), makeUser({ id: 'm' })],
    });
    for (const role of USER_ROLES.filter((role) => role !== 'admin')) {
      rejectsWith(() => store.setRole({ id: 'boss', name: 'Boss' }, 'boss', role), 409, 'last_admin');
    }
    assert.equal(store.get('boss')?.role, 'admin');
  });

  test('an inactive Admin does not count: demoting them is fine, demoting the active one is not', () => {
    const store = new UserStore({
      users: [
        makeUser({ id: 'on', role: 'admin' }),
        makeUser({ id: 'off', role: 'admin', status: 'inactive' }),
      ],
    });
    store.setRole(admin, 'off', 'member');
    rejectsWith(() => store.setRole(admin, 'on', 'member'), 409, 'last_admin');
  });

  test('an unknown user is 404', () => {
    rejectsWith(() => new UserStore().setRole(admin, 'usr_missing', 'member'), 404, 'not_found');
  });
});

describe('test helpers', () => {
  test('upsert adds and replaces users; reset returns to the seed and forgets changes', () => {
    const store = new UserStore();
    const seedCount = store.size;
    store.upsert(makeUser({ id: 'xss', name: '<img src=x onerror=alert(1)>' }));
    store.upsert({ ...store.get(demoUserIds.member)!, name: 'Renamed' });
    store.setStatus(admin, demoUserIds.manager, 'inactive');
    assert.equal(store.size, seedCount + 1);
    assert.equal(store.list({ search: 'onerror' }).items[0]?.name, '<img src=x onerror=alert(1)>');

    store.reset();
    assert.equal(store.size, seedCount);
    assert.equal(store.get('xss'), undefined);
    assert.equal(store.get(demoUserIds.member)?.name, 'Mei Chen');
    assert.equal(store.get(demoUserIds.manager)?.status, 'active');
    assert.equal(store.changes.length, 0);
  });

  test('upsert refuses a user that breaks the schema', () => {
    assert.throws(
      () => new UserStore().upsert({ ...makeUser({ id: 'bad' }), status: 'asleep' } as unknown as User),
      TypeError,
    );
  });

  test('users handed out are copies: changing them does not change the store', () => {
    const store = new UserStore();
    const user = store.get(demoUserIds.member)!;
    user.status = 'inactive';
    store.list().items.forEach((item) => (item.name = 'changed'));
    assert.equal(store.get(demoUserIds.member)?.status, 'active');
    assert.notEqual(store.list().items[0]?.name, 'changed');
  });

  test('the seed passed in is not shared with the caller', () => {
    const users = createSeedUsers();
    const store = new UserStore({ users });
    users[0]!.name = 'changed';
    assert.notEqual(store.get(users[0]!.id)?.name, 'changed');
  });
});
