/**
 * The contract's fixed values: statuses, roles, sort fields, error codes and page sizes. Plain
 * data with no dependency, so code that only needs a list (a select's options, a guard) does not
 * pull in the schemas.
 *
 * @module
 */
/**
 * The statuses a user can have. An inactive user cannot log in.
 *
 * @example
 * ```ts
 * const options = USER_STATUSES.map((status) => new Option(status, status));
 * ```
 */
export const USER_STATUSES = ['active', 'inactive'] as const;
/**
 * The roles of the platform, from most to least access.
 *
 * @example
 * ```ts
 * const outranks = (a: UserRole, b: UserRole) => USER_ROLES.indexOf(a) < USER_ROLES.indexOf(b);
 * ```
 */
export const USER_ROLES = ['admin', 'manager', 'member', 'external'] as const;
/**
 * The fields `listUsers` can sort by; a leading `-` sorts descending.
 *
 * @example
 * ```ts
 * const sortable = (USER_SORT_FIELDS as readonly string[]).includes(column);
 * ```
 */
export const USER_SORT_FIELDS = ['name', 'email', 'role', 'status', 'createdAt', 'lastLoginAt'] as const;
/**
 * Every sort order `listUsers` accepts: each of {@link USER_SORT_FIELDS}, ascending and, with a
 * leading `-`, descending.
 *
 * @example
 * ```ts
 * const valid = (USER_SORT_ORDERS as readonly string[]).includes(params.get('sort') ?? '');
 * ```
 */
export const USER_SORT_ORDERS = USER_SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const);

/**
 * The machine-readable codes of the contract's problem+json errors.
 *
 * @example
 * ```ts
 * const fromServer = (API_ERROR_CODES as readonly string[]).includes(error.code);
 * ```
 */
export const API_ERROR_CODES = [
  'invalid_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'self_deactivation',
  'last_admin',
  'rate_limited',
] as const;

/**
 * Largest page `listUsers` accepts.
 *
 * @example
 * ```ts
 * const page = await client.listUsers({ limit: MAX_PAGE_SIZE });
 * ```
 */
export const MAX_PAGE_SIZE = 200;

/**
 * The page size of `listUsers` when none is asked for.
 *
 * @example
 * ```ts
 * const pages = Math.ceil(total / DEFAULT_PAGE_SIZE);
 * ```
 */
export const DEFAULT_PAGE_SIZE = 50;
