import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUsersApiError } from '@jt-users/sdk';
import { checkUser } from '@jt-users/sdk/check';
import { UserSchema, type User } from '@jt-users/sdk/schemas';

const user: User = {
  id: 'usr_1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'admin',
  status: 'active',
  createdAt: '2026-01-02T03:04:05Z',
  lastLoginAt: null,
  statusChangedAt: '2026-02-03T04:05:06.789+01:00',
  statusChangedBy: { id: 'usr_2', name: 'Grace Hopper' },
};

/** The error `checkUser` throws for `value`, or `undefined` when it passes. */
function failure(value: unknown, name?: string) {
  try {
    checkUser(value, name);
    return undefined;
  } catch (error) {
    assert.ok(isUsersApiError(error), `not a UsersApiError: ${String(error)}`);
    return error;
  }
}

test('checkUser returns a copy of a user with only the contract properties', () => {
  const given = { ...user, avatar: 'https://example.com/ada.png' };
  const checked = checkUser(given);
  assert.deepEqual(checked, user);
  assert.notEqual(checked, given);
  assert.equal(UserSchema.safeParse(checked).success, true);
});

test('checkUser names the first wrong place, under the name it is given', () => {
  const cases: [unknown, string][] = [
    [{ ...user, status: 'enabled' }, 'Invalid argument at user.status: expected one of "active", "inactive"'],
    [{ ...user, id: 42 }, 'Invalid argument at user.id: expected string, got number'],
    [{ id: 'usr_1' }, 'Invalid argument at user.name: is required'],
    [
      { ...user, statusChangedBy: { id: 'usr_2' } },
      'Invalid argument at user.statusChangedBy.name: is required',
    ],
    ['usr_1', 'Invalid argument at user: expected object, got string'],
    [null, 'Invalid argument at user: expected object, got null'],
  ];
  for (const [value, message] of cases) {
    const error = failure(value);
    assert.equal(error?.code, 'invalid_argument');
    assert.equal(error?.message, message);
  }
  assert.equal(
    failure([user], 'users[0]')?.message,
    'Invalid argument at users[0]: expected object, got array',
  );
});
