/**
 * `createUsersClient`: the contract's calls as typed methods.
 *
 * @module
 */
import {
  UserIdJson,
  UserJson,
  UserPageJson,
  UserQueryJson,
  UserRoleJson,
  UserStatusJson,
} from './contract.js';
import { UsersApiError } from './errors.js';
import { createSend, type SendOptions } from './request.js';
import type { User, UserQuery } from './schemas.js';
import type { RequestOptions, UsersClient, UsersClientOptions } from './types.js';
import { checkArgument as argument } from './validate.js';

/**
 * Creates a client of the user API. Nothing is sent until a method is called.
 *
 * Throws a `UsersApiError` with code `invalid_argument` when `baseUrl` is not usable (for example
 * a relative path outside a browser) or a number option is out of range.
 *
 * @example
 * ```ts
 * import { createUsersClient } from '@jt-users/sdk';
 *
 * const client = createUsersClient({
 *   baseUrl: 'https://admin.example.com/api',
 *   getToken: () => localStorage.getItem('token') ?? undefined,
 * });
 * const { items } = await client.listUsers({ status: 'active' });
 * ```
 */
export function createUsersClient(options: UsersClientOptions): UsersClient {
  const send = createSend(options);
  /**
   * Sends a call about one user, whose answer is that user: an answer about another one is no
   * answer (cached under its own id, it would leave the asked-for user unconfirmed on screen).
   */
  const sendForUser = (
    method: 'GET' | 'PUT',
    id: string,
    suffix: string,
    options: RequestOptions | undefined,
    init?: SendOptions,
  ): Promise<User> =>
    send(
      method,
      `v1/users/${argument(UserIdJson, id, 'id')}${suffix}`,
      { ...UserJson, properties: { ...UserJson.properties, id: { enum: [id] } } },
      options,
      init,
    );

  // Arguments are checked inside the async functions, so a bad one rejects instead of throwing.
  const listUsers = async (query: UserQuery = {}, options?: RequestOptions) =>
    send('GET', 'v1/users', UserPageJson, options, { searchParams: argument(UserQueryJson, query, 'query') });

  const setUserStatus = async (id: string, status: User['status'], options?: RequestOptions) =>
    sendForUser('PUT', id, '/status', options, {
      json: { status: argument(UserStatusJson, status, 'status') },
    });

  return {
    getCurrentUser: (options) => send('GET', 'v1/me', UserJson, options),
    listUsers,
    async *iterateUsers(query = {}, options) {
      // Checked before the first page: spreading `null` or a string below would hide the mistake.
      // (The options are checked with the first page, before it is sent.)
      argument(UserQueryJson, query, 'query');
      // A server that hands back a cursor it gave before would keep this loop going forever.
      const seen = new Set<string>();
      for (let cursor: string | undefined; ; seen.add(cursor)) {
        const page = await listUsers({ ...query, cursor }, options);
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
        if (!cursor) return;
        if (seen.has(cursor)) {
          throw new UsersApiError('invalid_response', `Repeated cursor ${cursor}`, { status: 200 });
        }
      }
    },
    getUser: async (id, options) => sendForUser('GET', id, '', options),
    setUserStatus,
    activateUser: (id, options) => setUserStatus(id, 'active', options),
    deactivateUser: (id, options) => setUserStatus(id, 'inactive', options),
    setUserRole: async (id, role, options) =>
      sendForUser('PUT', id, '/role', options, {
        json: { role: argument(UserRoleJson, role, 'role') },
      }),
  };
}
