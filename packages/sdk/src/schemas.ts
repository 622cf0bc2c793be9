/**
 * The HTTP contract (v1) as zod schemas: the single source of truth that the SDK validates
 * against, the reference API enforces and the OpenAPI document is generated from.
 *
 * `zod/mini` keeps these schemas light enough to ship inside every page that embeds the
 * elements (about 5 KB against 23 KB for full zod), and does not probe `new Function`, so
 * pages with a strict Content-Security-Policy stay quiet.
 *
 * @module
 */
import * as z from 'zod/mini';

/** The statuses a user can have. An inactive user cannot log in. */
export const USER_STATUSES = ['active', 'inactive'] as const;
/** The roles of the platform, from most to least access. */
export const USER_ROLES = ['admin', 'manager', 'member', 'external'] as const;
/** The fields `listUsers` can sort by; a leading `-` sorts descending. */
export const USER_SORT_FIELDS = ['name', 'email', 'role', 'status', 'createdAt', 'lastLoginAt'] as const;
/** The machine-readable codes of the contract's problem+json errors. */
export const API_ERROR_CODES = [
  'invalid_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'self_deactivation',
  'last_admin',
  'rate_limited',
] as const;

/** Largest page `listUsers` accepts, and the page size when none is asked for. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const UserStatusSchema = z.enum(USER_STATUSES);
export const UserRoleSchema = z.enum(USER_ROLES);

/** A user id: short, URL-safe, never empty. Anything else is refused before it reaches a URL. */
export const UserIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "_" or "-"'));

const Timestamp = z.iso.datetime({ offset: true });

/** Who changed a user's status last. */
export const UserRefSchema = z.object({ id: UserIdSchema, name: z.string() });

export const UserSchema = z.object({
  id: UserIdSchema,
  name: z.string(),
  email: z.string(),
  role: UserRoleSchema,
  status: UserStatusSchema,
  createdAt: Timestamp,
  lastLoginAt: z.nullable(Timestamp),
  statusChangedAt: z.nullable(Timestamp),
  statusChangedBy: z.nullable(UserRefSchema),
});

export const UserPageSchema = z.object({
  items: z.array(UserSchema),
  nextCursor: z.nullable(z.string()),
  total: z.number().check(z.int(), z.nonnegative()),
});

export const SetStatusBodySchema = z.strictObject({ status: UserStatusSchema });
export const SetRoleBodySchema = z.strictObject({ role: UserRoleSchema });

const sortValues = USER_SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const);
export const UserSortSchema = z.enum(sortValues);

/**
 * The query of `GET /v1/users`. Numbers are coerced, so the same schema reads a query string on
 * the server and checks a caller's arguments in the SDK.
 */
export const UserQuerySchema = z.strictObject({
  search: z.optional(z.string().check(z.maxLength(200))),
  status: z.optional(UserStatusSchema),
  role: z.optional(UserRoleSchema),
  sort: z.optional(UserSortSchema),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
});

/** An `application/problem+json` error body (RFC 9457) with the contract's `code`. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  code: z.string(),
});

export type UserStatus = z.infer<typeof UserStatusSchema>;
export type UserRole = z.infer<typeof UserRoleSchema>;
export type UserRef = z.infer<typeof UserRefSchema>;
export type User = z.infer<typeof UserSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
export type UserSort = z.infer<typeof UserSortSchema>;
export type UserQuery = z.input<typeof UserQuerySchema>;
export type SetStatusBody = z.infer<typeof SetStatusBodySchema>;
export type SetRoleBody = z.infer<typeof SetRoleBodySchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
