/**
 * The framework hosts' session: who is signed in (`?as=admin|manager|member|external`, Admin
 * unless said otherwise) and the client that speaks for them to the proxied reference API.
 */
import { createUsersClient, USER_ROLES, type UserRole, type UsersClient } from '@jt-users/sdk';
import { demoTokens } from '@jt-users/reference-api';

/** The demo user the page signs in as, read from the `as` query parameter. */
export function signedInAs(search: string = location.search): UserRole {
  const asked = new URLSearchParams(search).get('as');
  return USER_ROLES.find((role) => role === asked) ?? 'admin';
}

/** A client signed in as `role`; one per page, so every element on it shares one cache. */
export function demoClient(role: UserRole = signedInAs()): UsersClient {
  return createUsersClient({ baseUrl: '/api', getToken: () => demoTokens[role] });
}
