/**
 * Bad input to the API surface, as data: wrong types, empty strings, unknown statuses and roles,
 * huge ids, for every SDK method and every element attribute. The bad-input suites run each case;
 * the reliability report counts them from here.
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type User, type UsersClient } from '@jt-users/sdk';

/** Values that are not a usable user id. */
export const BAD_IDS: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(65),
  'x'.repeat(1_000_000),
  '../admin',
  'usr_1/status',
  'usr 1',
  'usr%2F1',
  'usr_1?role=admin',
  'usr_1#x',
  'ÿser',
  '\u0000',
  undefined,
  null,
  42,
  true,
  {},
  ['usr_1'],
];

/** Values that are not a status of the contract. */
export const BAD_STATUSES: readonly unknown[] = [
  '',
  'ACTIVE',
  'Active',
  ' active',
  'suspended',
  'deleted',
  undefined,
  null,
  0,
  true,
  {},
  ['active'],
];

/** Values that are not a role of the contract. */
export const BAD_ROLES: readonly unknown[] = [
  '',
  'Admin',
  'owner',
  'superuser',
  '__proto__',
  'constructor',
  undefined,
  null,
  3,
  {},
  ['admin'],
];

/** Values that are not a query of `listUsers` / `iterateUsers`. */
export const BAD_QUERIES: readonly unknown[] = [
  null,
  'active',
  42,
  true,
  { unknown: 1 },
  { status: 'suspended' },
  { role: 'owner' },
  { sort: 'password' },
  { sort: '--name' },
  { limit: 0 },
  { limit: -1 },
  { limit: 201 },
  { limit: 1.5 },
  { limit: 'abc' },
  { limit: Number.NaN },
  { limit: Number.POSITIVE_INFINITY },
  { search: 'x'.repeat(201) },
  { search: 42 },
  { cursor: '' },
  { cursor: 'x'.repeat(201) },
];

/** Values that are not the options every method takes (`{ signal?: AbortSignal }`). */
export const BAD_REQUEST_OPTIONS: readonly unknown[] = [
  null,
  'fast',
  42,
  true,
  { signal: 'abort' },
  { signal: { aborted: false } },
  { signal: null },
];

/** Options of `createUsersClient` that cannot make a working client. */
export const BAD_CLIENT_OPTIONS: readonly unknown[] = [
  undefined,
  null,
  'https://example.com/api',
  {},
  { baseUrl: '' },
  { baseUrl: 'ftp://example.com/api' },
  { baseUrl: 'javascript:alert(1)' },
  { baseUrl: 'https://example.com/api?key=k' },
  { baseUrl: 'https://example.com/api#v1' },
  { baseUrl: 42 },
  { baseUrl: null },
  { baseUrl: 'https://example.com/api', getToken: 'demo-admin' },
  { baseUrl: 'https://example.com/api', fetch: 'fetch' },
  { baseUrl: 'https://example.com/api', credentials: 'yes' },
  { baseUrl: 'https://example.com/api', timeoutMs: 0 },
  { baseUrl: 'https://example.com/api', timeoutMs: -1 },
  { baseUrl: 'https://example.com/api', timeoutMs: Number.NaN },
  { baseUrl: 'https://example.com/api', timeoutMs: '1000' },
  { baseUrl: 'https://example.com/api', timeoutMs: Number.POSITIVE_INFINITY },
  { baseUrl: 'https://example.com/api', retry: 2 },
  { baseUrl: 'https://example.com/api', retry: { limit: -1 } },
  { baseUrl: 'https://example.com/api', retry: { limit: 1.5 } },
  { baseUrl: 'https://example.com/api', retry: { backoffMs: Number.NaN } },
];

/** One call of an SDK method with bad arguments. */
export interface SdkCase {
  method: keyof UsersClient;
  args: readonly unknown[];
}

const GOOD_ID = 'usr_member';

/** Every SDK method, with each bad value in each argument it takes. */
export const SDK_CASES: readonly SdkCase[] = [
  ...BAD_IDS.flatMap((id): SdkCase[] => [
    { method: 'getUser', args: [id] },
    { method: 'setUserStatus', args: [id, 'inactive'] },
    { method: 'activateUser', args: [id] },
    { method: 'deactivateUser', args: [id] },
    { method: 'setUserRole', args: [id, 'member'] },
  ]),
  ...BAD_STATUSES.map((status): SdkCase => ({ method: 'setUserStatus', args: [GOOD_ID, status] })),
  ...BAD_ROLES.map((role): SdkCase => ({ method: 'setUserRole', args: [GOOD_ID, role] })),
  ...BAD_QUERIES.flatMap((query): SdkCase[] => [
    { method: 'listUsers', args: [query] },
    { method: 'iterateUsers', args: [query] },
  ]),
  ...BAD_REQUEST_OPTIONS.flatMap((options): SdkCase[] => [
    { method: 'getCurrentUser', args: [options] },
    { method: 'listUsers', args: [{}, options] },
    { method: 'iterateUsers', args: [{}, options] },
    { method: 'getUser', args: [GOOD_ID, options] },
    { method: 'setUserStatus', args: [GOOD_ID, 'inactive', options] },
    { method: 'activateUser', args: [GOOD_ID, options] },
    { method: 'deactivateUser', args: [GOOD_ID, options] },
    { method: 'setUserRole', args: [GOOD_ID, 'member', options] },
  ]),
];

/** One bad attribute value of an element, and what must happen instead of a request with it. */
export interface AttributeCase {
  tag: 'jt-user-table' | 'jt-user-profile' | 'jt-user-status-toggle';
  attribute: string;
  value: string;
  /**
   * - `message`: the element shows a message and sends no request with the value;
   * - `default`: the element ignores the value and works with its default.
   */
  expect: 'message' | 'default';
  /** What the element's list requests must then ask for, e.g. the default page size. */
  query?: Record<string, string>;
}

const USER_ID_VALUES = ['', ' ', 'x'.repeat(100_000), '../admin', 'usr 1', '<img src=x>'];

/** Every element attribute the host sets, with values it must survive. */
export const ATTRIBUTE_CASES: readonly AttributeCase[] = [
  ...(['jt-user-profile', 'jt-user-status-toggle'] as const).flatMap((tag) =>
    USER_ID_VALUES.map((value): AttributeCase => ({ tag, attribute: 'user-id', value, expect: 'message' })),
  ),
  // A page size that is not a whole number from 1 up is the default; one past the largest page
  // the contract allows is that page.
  ...['abc', '-1', '0', '100000', '1.5', '', 'Infinity', 'NaN'].map((value): AttributeCase => ({
    tag: 'jt-user-table',
    attribute: 'page-size',
    value,
    expect: 'default',
    query: { limit: String(value === '100000' ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE) },
  })),
  ...['bogus', '', 'ACTIVE'].map((value): AttributeCase => ({
    tag: 'jt-user-table',
    attribute: 'status-filter',
    value,
    expect: 'default',
  })),
  ...['password', '', '--name'].map((value): AttributeCase => ({
    tag: 'jt-user-table',
    attribute: 'sort',
    value,
    expect: 'default',
  })),
  ...(['jt-user-table', 'jt-user-profile', 'jt-user-status-toggle'] as const).flatMap(
    (tag): AttributeCase[] => [
      { tag, attribute: 'api-base', value: '', expect: 'message' },
      { tag, attribute: 'api-base', value: 'javascript:alert(1)', expect: 'message' },
      { tag, attribute: 'api-base', value: 'ftp://example.com', expect: 'message' },
      { tag, attribute: 'lang', value: 'xx-unknown', expect: 'default' },
      { tag, attribute: 'lang', value: '', expect: 'default' },
      { tag, attribute: 'lang', value: '<script>', expect: 'default' },
      { tag, attribute: 'theme', value: 'purple', expect: 'default' },
      { tag, attribute: 'theme', value: '', expect: 'default' },
    ],
  ),
];

/** A `user` or `currentUser` property that is not a user of the contract, made from a real user. */
export interface UserPropertyCase {
  name: string;
  make: (user: User) => unknown;
  /** The place the element's `jt-error` names, below the property (`''`: the value itself). */
  field: string;
}

/** The elements that take a `user`. */
export const USER_PROPERTY_TAGS = ['jt-user-profile', 'jt-user-status-toggle'] as const;

/** The elements that take a `currentUser`. */
export const CURRENT_USER_TAGS = ['jt-user-table', ...USER_PROPERTY_TAGS] as const;

/** What a host could pass as a user by mistake: an older shape, a wrong field, not an object. */
export const USER_PROPERTY_CASES: readonly UserPropertyCase[] = [
  {
    name: 'a status the contract does not know',
    make: (user) => ({ ...user, status: 'enabled' }),
    field: 'status',
  },
  { name: 'no status', make: ({ status: _status, ...rest }) => rest, field: 'status' },
  {
    name: 'a role the contract does not know',
    make: (user) => ({ ...user, role: 'superuser' }),
    field: 'role',
  },
  { name: 'a number as id', make: (user) => ({ ...user, id: 42 }), field: 'id' },
  { name: 'an id outside the contract', make: (user) => ({ ...user, id: '../admin' }), field: 'id' },
  { name: 'a name that is not text', make: (user) => ({ ...user, name: null }), field: 'name' },
  {
    name: 'a creation date that is not a date',
    make: (user) => ({ ...user, createdAt: 'yesterday' }),
    field: 'createdAt',
  },
  { name: 'the id alone', make: (user) => ({ id: user.id }), field: 'name' },
  { name: 'the id as a string', make: (user) => user.id, field: '' },
  { name: 'a list holding the user', make: (user) => [user], field: '' },
];
