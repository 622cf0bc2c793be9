/**
 * The HTTP contract (v1) as zod schemas: the single source of truth. The reference API enforces
 * them, the OpenAPI document is generated from them, and the client checks every answer against
 * JSON Schemas generated from them (`contract.ts`), so a browser that embeds the client does not
 * download a schema library.
 *
 * Import them from `@jt-users/sdk/schemas` to validate data of the contract yourself.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  type API_ERROR_CODES,
  MAX_PAGE_SIZE,
  USER_ROLES,
  USER_SORT_ORDERS,
  USER_STATUSES,
} from './constants.js';

export * from './constants.js';

/**
 * A user's status: {@link USER_STATUSES}.
 *
 * @example
 * ```ts
 * UserStatusSchema.safeParse('inactive').success; // true
 * ```
 */
export const UserStatusSchema = z.enum(USER_STATUSES);

/**
 * A user's role: {@link USER_ROLES}.
 *
 * @example
 * ```ts
 * const role = UserRoleSchema.parse(select.value);
 * ```
 */
export const UserRoleSchema = z.enum(USER_ROLES);

/**
 * A user id: short, URL-safe, never empty. Anything else is refused before it reaches a URL.
 *
 * @example
 * ```ts
 * UserIdSchema.safeParse('usr_42').success; // true
 * UserIdSchema.safeParse('../admin').success; // false
 * ```
 */
export const UserIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "_" or "-"'));

/**
 * A point in time as the API writes it: ISO 8601 with a `Z` or an offset.
 *
 * @example
 * ```ts
 * TimestampSchema.safeParse('2025-03-03T09:00:00.000Z').success; // true
 * TimestampSchema.safeParse('2025-03-03 09:00').success; // false
 * ```
 */
export const TimestampSchema = z.iso.datetime({ offset: true });

/**
 * Who changed a user's status last.
 *
 * @example
 * ```ts
 * const by = UserRefSchema.parse({ id: 'usr_admin', name: 'Ada Lindqvist' });
 * ```
 */
export const UserRefSchema = z.object({ id: UserIdSchema, name: z.string() });

/**
 * A user as the API sends it. Timestamps are ISO 8601 with an offset; `lastLoginAt`,
 * `statusChangedAt` and `statusChangedBy` are null until the event first happens.
 *
 * @example
 * ```ts
 * const result = UserSchema.safeParse(await response.json());
 * if (result.success) render(result.data);
 * ```
 */
export const UserSchema = z.object({
  id: UserIdSchema,
  name: z.string(),
  email: z.string(),
  role: UserRoleSchema,
  status: UserStatusSchema,
  createdAt: TimestampSchema,
  lastLoginAt: z.nullable(TimestampSchema),
  statusChangedAt: z.nullable(TimestampSchema),
  statusChangedBy: z.nullable(UserRefSchema),
});

/**
 * A page cursor: opaque text the server hands out as `nextCursor` and takes back as `cursor`, so
 * one schema holds both, and a cursor the server gives is one it takes.
 *
 * @example
 * ```ts
 * CursorSchema.safeParse('').success; // false
 * ```
 */
export const CursorSchema = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * One page of `GET /v1/users`: the users, the cursor of the next page (null on the last one) and
 * how many users match in total.
 *
 * @example
 * ```ts
 * const page = UserPageSchema.parse(body);
 * const more = page.nextCursor !== null;
 * ```
 */
export const UserPageSchema = z.object({
  items: z.array(UserSchema),
  nextCursor: z.nullable(CursorSchema),
  total: z.number().check(z.int(), z.nonnegative()),
});

/**
 * The body of `PUT /v1/users/{id}/status`.
 *
 * @example
 * ```ts
 * const body: SetStatusBody = SetStatusBodySchema.parse({ status: 'inactive' });
 * ```
 */
export const SetStatusBodySchema = z.strictObject({ status: UserStatusSchema });

/**
 * The body of `PUT /v1/users/{id}/role`.
 *
 * @example
 * ```ts
 * const body: SetRoleBody = SetRoleBodySchema.parse({ role: 'manager' });
 * ```
 */
export const SetRoleBodySchema = z.strictObject({ role: UserRoleSchema });

/**
 * A sort order of `listUsers`: a field of {@link USER_SORT_FIELDS}, with a leading `-` for descending.
 *
 * @example
 * ```ts
 * UserSortSchema.safeParse('-lastLoginAt').success; // true
 * ```
 */
export const UserSortSchema = z.enum(USER_SORT_ORDERS);

/**
 * The query of `GET /v1/users`. Numbers are coerced, so the same schema reads a query string on
 * the server and checks a caller's arguments in the SDK.
 *
 * @example
 * ```ts
 * const query = UserQuerySchema.parse(Object.fromEntries(url.searchParams));
 * ```
 */
export const UserQuerySchema = z.strictObject({
  search: z.optional(z.string().check(z.maxLength(200))),
  status: z.optional(UserStatusSchema),
  role: z.optional(UserRoleSchema),
  sort: z.optional(UserSortSchema),
  cursor: z.optional(CursorSchema),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
});

/**
 * An `application/problem+json` error body (RFC 9457) with the contract's `code`.
 *
 * @example
 * ```ts
 * const problem = ProblemSchema.safeParse(await response.json());
 * if (problem.success && problem.data.code === 'last_admin') warn(problem.data.detail);
 * ```
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  code: z.string(),
});

/**
 * A user's status.
 *
 * @example
 * ```ts
 * const next: UserStatus = user.status === 'active' ? 'inactive' : 'active';
 * ```
 */
export type UserStatus = z.infer<typeof UserStatusSchema>;
/**
 * A user's role.
 *
 * @example
 * ```ts
 * const isAdmin = (role: UserRole) => role === 'admin';
 * ```
 */
export type UserRole = z.infer<typeof UserRoleSchema>;
/**
 * A reference to a user: id and name.
 *
 * @example
 * ```ts
 * const label = (ref: UserRef | null) => ref?.name ?? 'nobody';
 * ```
 */
export type UserRef = z.infer<typeof UserRefSchema>;
/**
 * A user of the platform.
 *
 * @example
 * ```ts
 * const canLogIn = (user: User) => user.status === 'active';
 * ```
 */
export type User = z.infer<typeof UserSchema>;
/**
 * One page of users.
 *
 * @example
 * ```ts
 * const { items, nextCursor, total }: UserPage = await client.listUsers();
 * ```
 */
export type UserPage = z.infer<typeof UserPageSchema>;
/**
 * A sort order of `listUsers`.
 *
 * @example
 * ```ts
 * const newestFirst: UserSort = '-createdAt';
 * ```
 */
export type UserSort = z.infer<typeof UserSortSchema>;
/**
 * What `listUsers` can filter, sort and page by.
 *
 * @example
 * ```ts
 * const query: UserQuery = { search: 'chen', status: 'active', limit: 20 };
 * ```
 */
export type UserQuery = z.infer<typeof UserQuerySchema>;
/**
 * The body of a status change.
 *
 * @example
 * ```ts
 * const body: SetStatusBody = { status: 'active' };
 * ```
 */
export type SetStatusBody = z.infer<typeof SetStatusBodySchema>;
/**
 * The body of a role change.
 *
 * @example
 * ```ts
 * const body: SetRoleBody = { role: 'external' };
 * ```
 */
export type SetRoleBody = z.infer<typeof SetRoleBodySchema>;
/**
 * An error body of the API.
 *
 * @example
 * ```ts
 * const isLastAdmin = (problem: Problem) => problem.code === 'last_admin';
 * ```
 */
export type Problem = z.infer<typeof ProblemSchema>;
/**
 * A `code` of the contract's errors.
 *
 * @example
 * ```ts
 * const retryable = (code: ApiErrorCode) => code === 'rate_limited';
 * ```
 */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
