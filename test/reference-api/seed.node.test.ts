/**
 * The seed: reproducible, plausible, with the demo accounts, and quick at benchmark sizes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USER_ROLES, UserSchema } from '@jt-users/sdk/schemas';
import {
  createSeedUsers,
  DEFAULT_SEED_SIZE,
  demoTokens,
  demoUserIds,
  MIN_SEED_SIZE,
  SEED_REFERENCE_DATE,
} from '@jt-users/reference-api';

test('the same options give the same users, byte for byte', () => {
  assert.deepEqual(createSeedUsers(), createSeedUsers());
  assert.deepEqual(createSeedUsers({ size: 500 }), createSeedUsers({ size: 500 }));
  assert.notDeepEqual(createSeedUsers({ seed: 1 }), createSeedUsers({ seed: 2 }));
});

test('the default organization is realistic: all roles, some inactive, at least two active Admins', () => {
  const users = createSeedUsers();
  assert.equal(users.length, DEFAULT_SEED_SIZE);
  for (const role of USER_ROLES)
    assert.ok(
      users.some((user) => user.role === role),
      `has ${role}`,
    );
  const inactive = users.filter((user) => user.status === 'inactive').length;
  assert.ok(inactive >= 3 && inactive < users.length / 2, `${inactive} inactive`);
  assert.ok(users.filter((user) => user.role === 'admin' && user.status === 'active').length >= 2);
  assert.ok(
    users.filter((user) => user.role === 'member').length >
      users.filter((user) => user.role === 'admin').length,
  );
});

test('every user fits the schema, with unique ids and emails and timestamps in order', () => {
  const users = createSeedUsers({ size: 2_000 });
  assert.equal(new Set(users.map((user) => user.id)).size, users.length);
  assert.equal(new Set(users.map((user) => user.email.toLowerCase())).size, users.length);
  const reference = Date.parse(SEED_REFERENCE_DATE);
  for (const user of users) {
    UserSchema.parse(user);
    assert.match(user.email, /^[a-z.0-9]+@[a-z.-]+\.example$/);
    const created = Date.parse(user.createdAt);
    assert.ok(created < reference);
    if (user.lastLoginAt)
      assert.ok(Date.parse(user.lastLoginAt) >= created && Date.parse(user.lastLoginAt) <= reference);
    if (user.statusChangedAt) {
      assert.ok(Date.parse(user.statusChangedAt) >= created && Date.parse(user.statusChangedAt) <= reference);
      assert.ok(user.statusChangedBy, 'a change has an author');
    } else {
      assert.equal(user.statusChangedBy, null);
    }
    if (user.status === 'inactive')
      assert.ok(user.statusChangedAt, 'an inactive user was deactivated at some point');
  }
});

test('the timestamps equal what Date#toISOString gives', () => {
  for (const user of createSeedUsers({ size: 300 })) {
    for (const stamp of [user.createdAt, user.lastLoginAt, user.statusChangedAt]) {
      if (stamp !== null) assert.equal(new Date(stamp).toISOString(), stamp);
    }
  }
});

test('one active demo user per role, with a fixed id and a token', () => {
  const users = createSeedUsers();
  for (const role of USER_ROLES) {
    const user = users.find((candidate) => candidate.id === demoUserIds[role]);
    assert.ok(user, `${role} demo user`);
    assert.equal(user.role, role);
    assert.equal(user.status, 'active');
    assert.equal(typeof demoTokens[role], 'string');
  }
  assert.equal(new Set(Object.values(demoTokens)).size, USER_ROLES.length);
});

test('benchmark sizes: 100 000 users with unique ids', () => {
  const users = createSeedUsers({ size: 100_000 });
  assert.equal(users.length, 100_000);
  assert.equal(new Set(users.map((user) => user.id)).size, 100_000);
});

test('sizes below the minimum or not integers are refused', () => {
  assert.throws(() => createSeedUsers({ size: MIN_SEED_SIZE - 1 }), RangeError);
  assert.throws(() => createSeedUsers({ size: 10.5 }), RangeError);
  assert.equal(createSeedUsers({ size: MIN_SEED_SIZE }).length, MIN_SEED_SIZE);
});
