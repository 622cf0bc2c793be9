import type { User, UserPage, UserQuery, UserRole, UserStatus } from './schemas.js';

/** What `getToken` is told: `forceRefresh` is true after the server answered 401. */
export interface GetTokenOptions {
  forceRefresh: boolean;
}

/** Options of {@link createUsersClient}. */
export interface UsersClientOptions {
  /** Where the API lives, e.g. `https://example.com/api` or, in a browser, `/api`. Paths `/v1/...` are appended. */
  baseUrl: string;
  /** Returns the bearer token. Called again with `forceRefresh: true` once after a 401. */
  getToken?: (options: GetTokenOptions) => string | Promise<string>;
  /** Cookie mode for cookie sessions; passed to `fetch`. */
  credentials?: RequestCredentials;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** How long one attempt may take before it fails with `timeout`. Default 10 000. */
  timeoutMs?: number;
  /** How many times a safe request is retried. Default `{ limit: 2 }`. */
  retry?: { limit: number };
}

/** Options every method takes. */
export interface RequestOptions {
  /** Aborting it stops the request, and any retry, at once with code `aborted`. */
  signal?: AbortSignal;
}

/** The typed client of the user API. Every method rejects with a `UsersApiError` only. */
export interface UsersClient {
  getCurrentUser(options?: RequestOptions): Promise<User>;
  listUsers(query?: UserQuery, options?: RequestOptions): Promise<UserPage>;
  iterateUsers(query?: Omit<UserQuery, 'cursor'>, options?: RequestOptions): AsyncIterable<User>;
  getUser(id: string, options?: RequestOptions): Promise<User>;
  setUserStatus(id: string, status: UserStatus, options?: RequestOptions): Promise<User>;
  activateUser(id: string, options?: RequestOptions): Promise<User>;
  deactivateUser(id: string, options?: RequestOptions): Promise<User>;
  setUserRole(id: string, role: UserRole, options?: RequestOptions): Promise<User>;
}
