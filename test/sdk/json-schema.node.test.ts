/**
 * The client checks answers with JSON Schemas compiled from the zod schemas. These tests hold the
 * two to the same verdict: every value one accepts the other accepts, over the seed users and
 * hundreds of broken variants of them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ZodMiniType } from 'zod/mini';
import { createSeedUsers } from '@jt-users/reference-api';
import {
  ProblemJson,
  UserIdJson,
  UserJson,
  UserPageJson,
  UserQueryJson,
  UserRoleJson,
  UserStatusJson,
} from '../../packages/sdk/src/contract.js';
import { parse, SchemaIssue, type Issue, type JsonSchema } from '../../packages/sdk/src/json-schema.js';

/** Where `value` breaks `schema`, as plain data to compare with `deepEqual`; undefined when it fits. */
function findIssue(schema: JsonSchema, value: unknown): Issue | undefined {
  try {
    parse(schema, value);
    return undefined;
  } catch (issue) {
    if (!(issue instanceof SchemaIssue)) throw issue;
    return { path: issue.path, message: issue.message };
  }
}
import {
  ProblemSchema,
  UserIdSchema,
  UserPageSchema,
  UserQuerySchema,
  UserRoleSchema,
  UserSchema,
  UserStatusSchema,
} from '@jt-users/sdk/schemas';

/** Values that break most fields in some way, and a few that fit some. */
const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 53),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  ' usr_1',
  'usr_1/role',
  'a'.repeat(65),
  'a'.repeat(201),
  'active',
  'Active',
  'admin',
  'owner',
  '-lastLoginAt',
  '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-01-01T00:00:00',
  '2024-01-01T00:00:00.123+01:00',
  '2024-01-01T24:00:00Z',
  '2024-01-01T23:59:60Z',
  '2024-01-01T23:59Z',
  '2024-01-01t00:00:00z',
  '2024-06-30T12:00:00.5-23:59',
  '2024-06-30T12:00:00+24:00',
  '2024-04-31T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-00-10T00:00:00Z',
  '2024-01-00T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '0000-02-29T00:00:00Z',
  '0100-02-29T00:00:00Z',
  '0099-12-31T00:00:00Z',
  '12024-01-01T00:00:00Z',
  '2024-01-01',
  [],
  ['active'],
  {},
  { id: 'usr_1', name: 'Ada' },
  { id: 'usr_1', name: 7 },
  { id: '', name: 'Ada' },
];

const seedUsers = createSeedUsers({ size: 12 });

/** `value` with `key` set to each odd value, and once without `key`. */
function* variants(value: Record<string, unknown>, key: string): Generator<unknown> {
  for (const odd of ODD_VALUES) yield { ...value, [key]: odd };
  const { [key]: _removed, ...rest } = value;
  yield rest;
}

/** Every value of `base` with each of its fields broken in every way, plus extra unknown fields. */
function* objectCases(bases: readonly Record<string, unknown>[]): Generator<unknown> {
  for (const base of bases) {
    yield base;
    yield { ...base, addedLater: 'by a newer server' };
    for (const key of Object.keys(base)) yield* variants(base, key);
  }
}

function assertSameVerdicts(json: JsonSchema, zod: ZodMiniType, cases: Iterable<unknown>): number {
  let count = 0;
  for (const value of cases) {
    const issue = findIssue(json, value);
    const zodAccepts = zod.safeParse(value).success;
    assert.equal(
      issue === undefined,
      zodAccepts,
      `${JSON.stringify(value)}: zod ${zodAccepts ? 'accepts' : 'refuses'}, JSON Schema says ${issue?.message ?? 'fits'}`,
    );
    count++;
  }
  return count;
}

describe('the compiled JSON Schemas give the verdicts of the zod schemas', () => {
  test('single values: ids, statuses, roles', () => {
    for (const [json, zod] of [
      [UserIdJson, UserIdSchema],
      [UserStatusJson, UserStatusSchema],
      [UserRoleJson, UserRoleSchema],
    ] as const) {
      assertSameVerdicts(json, zod, ODD_VALUES);
    }
  });

  test('users, with every field broken in every way', () => {
    const withChanges = seedUsers.filter((user) => user.statusChangedBy !== null);
    assert.ok(withChanges.length > 0, 'the seed has users whose status was changed');
    const nested = withChanges.flatMap((user) =>
      [...objectCases([user.statusChangedBy!])].map((by) => ({ ...user, statusChangedBy: by })),
    );
    const count = assertSameVerdicts(UserJson, UserSchema, [...objectCases(seedUsers), ...nested]);
    assert.ok(count > 1000, `${count} cases`);
  });

  test('pages, with broken items and fields', () => {
    const page = { items: seedUsers.slice(0, 3), nextCursor: 'c2', total: 12 };
    const brokenItems = [...objectCases(seedUsers.slice(0, 2))].map((item) => ({
      ...page,
      items: [...page.items, item],
    }));
    assertSameVerdicts(UserPageJson, UserPageSchema, [...objectCases([page]), ...brokenItems]);
  });

  test('problem bodies', () => {
    const problem = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'No.',
      code: 'last_admin',
    };
    assertSameVerdicts(ProblemJson, ProblemSchema, objectCases([problem]));
  });

  test('list queries, as the SDK takes them (numbers for the limit)', () => {
    // The zod schema also reads a URL's query string, so it coerces the limit ("20" and even
    // `true` become numbers); callers of the SDK pass numbers, and the compiled schema checks that.
    const queries = [
      {},
      { search: 'chen', status: 'active', role: 'admin', sort: '-name', cursor: 'c1', limit: 20 },
    ];
    const cases = [...objectCases(queries)].filter((query) =>
      ['number', 'undefined'].includes(typeof (query as { limit?: unknown }).limit),
    );
    assertSameVerdicts(UserQueryJson, UserQuerySchema, cases);
  });
});

describe('findIssue explains where and why', () => {
  test('names the path into arrays and nested objects', () => {
    const page = { items: [seedUsers[0], { ...seedUsers[1], statusChangedBy: { id: 'usr_1', name: 7 } }] };
    assert.deepEqual(findIssue(UserPageJson, { ...page, nextCursor: null, total: 2 }), {
      path: ['items', 1, 'statusChangedBy', 'name'],
      message: 'expected string, got number',
    });
  });

  test('says what was expected', () => {
    assert.equal(findIssue(UserStatusJson, 'gone')?.message, 'expected one of "active", "inactive"');
    assert.equal(findIssue(UserIdJson, '')?.message, 'must match /^[A-Za-z0-9_-]{1,64}$/');
    assert.equal(
      findIssue(UserJson, { ...seedUsers[0], createdAt: 'today' })?.message,
      'expected a date-time',
    );
    assert.deepEqual(findIssue(UserQueryJson, { page: 2 }), { path: ['page'], message: 'is not allowed' });
    assert.deepEqual(findIssue(UserQueryJson, { limit: 0 }), {
      path: ['limit'],
      message: 'must be at least 1',
    });
    const { email: _email, ...withoutEmail } = seedUsers[0]!;
    assert.deepEqual(findIssue(UserJson, withoutEmail), { path: ['email'], message: 'is required' });
  });
});
