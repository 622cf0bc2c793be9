/**
 * How an element finds its SDK client: the `client` property wins; otherwise the `api-base`
 * attribute names an API that the browser's cookies authenticate.
 *
 * @module
 */
import { createUsersClient, isUsersApiError, type UsersClient } from '@jt-users/sdk';
import { getOrCreate } from './get-or-create.js';

const clientsByBase = new Map<string, UsersClient>();

/**
 * The cookie-session client of an API base URL. Memoized per base, so every element with the
 * same `api-base` shares one client, and so one cache of users and one current-user request.
 */
export function clientForApiBase(apiBase: string): UsersClient {
  return getOrCreate(clientsByBase, apiBase, () =>
    createUsersClient({ baseUrl: apiBase, credentials: 'include' }),
  );
}

/**
 * The client an element uses: its `client` property, else one for its `api-base`, else none.
 * An `api-base` no client can use (`ftp://…`, `javascript:…`) counts as none: the element shows
 * its "not configured" notice instead of throwing on every render.
 */
export function resolveClient(
  client: UsersClient | undefined,
  apiBase: string | undefined | null,
): UsersClient | undefined {
  if (client) return client;
  if (!apiBase) return undefined;
  try {
    return clientForApiBase(apiBase);
  } catch (error) {
    if (isUsersApiError(error) && error.code === 'invalid_argument') return undefined;
    throw error;
  }
}
