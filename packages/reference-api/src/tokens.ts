/**
 * The demo accounts: one active user per role, each with a fixed id and a bearer token, so
 * tests, stories and the demo can sign in as any role without a login flow.
 *
 * @module
 */
import type { UserRole } from '@jt-users/sdk/schemas';

/**
 * A bearer token per seeded role. Send it as `Authorization: Bearer <token>` (or as the cookie
 * `jt_session=<token>`) to act as that role's demo user. A token stops working while its user is
 * inactive.
 */
export const demoTokens = {
  admin: 'demo-admin',
  manager: 'demo-manager',
  member: 'demo-member',
  external: 'demo-external',
} as const satisfies Record<UserRole, string>;

/** The fixed ids of the demo users, one per role. */
export const demoUserIds = {
  admin: 'usr_admin',
  manager: 'usr_manager',
  member: 'usr_member',
  external: 'usr_external',
} as const satisfies Record<UserRole, string>;

/** A demo bearer token. */
export type DemoToken = (typeof demoTokens)[UserRole];

/** The name of the session cookie that works like a bearer token. */
export const SESSION_COOKIE = 'jt_session';

/** A fresh token → user id table holding the demo tokens; the API lets tests add their own. */
export function createDemoTokenTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const role of Object.keys(demoTokens) as UserRole[]) {
    table.set(demoTokens[role], demoUserIds[role]);
  }
  return table;
}
