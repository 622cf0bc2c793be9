/**
 * `@jt-users/sdk/check`: the client's own check of a user, for users that come from elsewhere
 * (a host's store, a server-rendered page) before they are shown as the contract's.
 * Kept out of the main entry, which a client that only talks to the API loads without it.
 *
 * @example
 * ```ts
 * import { checkUser } from '@jt-users/sdk/check';
 *
 * const user = checkUser(JSON.parse(cached)); // throws `invalid_argument` naming the bad field
 * ```
 *
 * @module
 */
import { UserJson } from './contract.js';
import type { User } from './schemas.js';
import { checkArgument } from './validate.js';

/**
 * Returns a copy of `value` with only the contract's properties when it is a `User`; otherwise
 * throws a `UsersApiError` with code `invalid_argument` whose message names the place, e.g.
 * `Invalid argument at user.status: expected one of "active", "inactive"`.
 *
 * @param name - What the message calls the value.
 */
export const checkUser = (value: unknown, name = 'user'): User => checkArgument(UserJson, value, name);
