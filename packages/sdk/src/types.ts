/**
 * The public shape of the client and its options.
 *
 * @module
 */
import type { RetryOptions } from './retry.js';
import type { User, UserPage, UserQuery, UserRole, UserStatus } from './schemas.js';

export type { RetryOptions };

/**
 * What `getToken` is told: `forceRefresh` is true after the server answered 401.
 *
 * @example
 * ```ts
 * const getToken = ({ forceRefresh }: GetTokenOptions) => auth.token({ refresh: forceRefresh });
 * ```
 */
export interface GetTokenOptions {
  forceRefresh: boolean;
}

/**
 * Options of {@link createUsersClient}.
 *
 * @example
 * ```ts
 * const options: UsersClientOptions = {
 *   baseUrl: 'https://admin.example.com/api',
 *   getToken: ({ forceRefresh }) => session.accessToken(forceRefresh),
 *   timeoutMs: 5_000,
 * };
 * ```
 */
export interface UsersClientOptions {
  /**
   * Where the API lives, e.g. `https://example.com/api`; in a browser also a path such as `/api`,
   * resolved against the page. The contract's paths (`/v1/...`) are appended, so it has no
   * query or fragment.
   */
  baseUrl: string;
  /**
   * Returns the bearer token, sent as `Authorization: Bearer <token>`; an empty token sends none.
   * A call whose token is not text a header can carry fails with `unauthenticated`, unsent.
   * Called once per call, and once more with `forceRefresh: true` after a 401. Calls that meet a
   * 401 while a refresh is under way wait for that one rather than starting their own.
   */
  getToken?: (options: GetTokenOptions) => string | undefined | Promise<string | undefined>;
  /** Whether `fetch` sends cookies: `'include'` for a cookie session on another origin. */
  credentials?: RequestCredentials;
  /** A `fetch` implementation; defaults to the global one, looked up on every call. */
  fetch?: typeof globalThis.fetch;
  /**
   * How long one attempt, from the request to the answer's last byte, may take before it fails
   * with `timeout`; so may each wait for `getToken`. Default 10 000.
   */
  timeoutMs?: number;
  /** How often, and after how long, a failed call is tried again. Default `{ limit: 2 }`. */
  retry?: RetryOptions;
}

/**
 * Options every method takes.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const user = client.getUser('usr_1', { signal: controller.signal });
 * controller.abort(); // user rejects with code 'aborted'
 * ```
 */
export interface RequestOptions {
  /** Aborting it stops the request, and any wait for a retry, at once with code `aborted`. */
  signal?: AbortSignal;
}

/**
 * The typed client of the user API, made by {@link createUsersClient}. Every method rejects with a
 * `UsersApiError` only; arguments are checked before anything is sent (`invalid_argument`), and
 * every answer is checked against the contract (`invalid_response`). Methods may be called
 * detached from the client (`const { getUser } = client`).
 *
 * @example
 * ```ts
 * const me = await client.getCurrentUser();
 * if (me.role === 'admin') await client.deactivateUser('usr_42');
 * ```
 */
export interface UsersClient {
  /**
   * The signed-in user (`GET /v1/me`).
   *
   * @example
   * ```ts
   * const me = await client.getCurrentUser();
   * console.log(`${me.name} (${me.role})`);
   * ```
   */
  getCurrentUser(this: void, options?: RequestOptions): Promise<User>;

  /**
   * One page of users (`GET /v1/users`). Pass `nextCursor` back as `cursor` for the next page.
   *
   * @example
   * ```ts
   * const { items, nextCursor, total } = await client.listUsers({ status: 'inactive', sort: 'name', limit: 20 });
   * ```
   */
  listUsers(this: void, query?: UserQuery, options?: RequestOptions): Promise<UserPage>;

  /**
   * Every user matching `query`, page after page, following `nextCursor` until the last page.
   * Pages are fetched as the loop asks for them; leaving the loop early fetches no more. A server
   * that hands back a cursor it gave before ends the loop with `invalid_response`.
   *
   * @example
   * ```ts
   * for await (const user of client.iterateUsers({ role: 'admin' })) console.log(user.email);
   * ```
   */
  iterateUsers(this: void, query?: Omit<UserQuery, 'cursor'>, options?: RequestOptions): AsyncIterable<User>;

  /**
   * One user by id (`GET /v1/users/{id}`).
   *
   * @example
   * ```ts
   * const user = await client.getUser('usr_42');
   * ```
   */
  getUser(this: void, id: string, options?: RequestOptions): Promise<User>;

  /**
   * Sets a user's status (`PUT /v1/users/{id}/status`) and resolves with the updated user.
   * Setting the status the user already has succeeds and changes nothing.
   *
   * @example
   * ```ts
   * const user = await client.setUserStatus('usr_42', 'inactive');
   * ```
   */
  setUserStatus(this: void, id: string, status: UserStatus, options?: RequestOptions): Promise<User>;

  /**
   * `setUserStatus(id, 'active')`: the user can log in again with the access of their role.
   *
   * @example
   * ```ts
   * await client.activateUser('usr_42');
   * ```
   */
  activateUser(this: void, id: string, options?: RequestOptions): Promise<User>;

  /**
   * `setUserStatus(id, 'inactive')`: the user can no longer log in. Rejects with
   * `self_deactivation` for the caller themself and `last_admin` for the last active Admin.
   *
   * @example
   * ```ts
   * await client.deactivateUser('usr_42');
   * ```
   */
  deactivateUser(this: void, id: string, options?: RequestOptions): Promise<User>;

  /**
   * Sets a user's role (`PUT /v1/users/{id}/role`) and resolves with the updated user.
   *
   * @example
   * ```ts
   * await client.setUserRole('usr_42', 'external');
   * ```
   */
  setUserRole(this: void, id: string, role: UserRole, options?: RequestOptions): Promise<User>;
}
