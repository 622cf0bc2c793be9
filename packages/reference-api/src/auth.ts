/**
 * Who is calling: a bearer token, or the session cookie for pages that use cookie sessions.
 *
 * @module
 */
import type { User } from '@jt-users/sdk/schemas';
import { ApiProblemError } from './problems.js';
import type { UserStore } from './store.js';
import { SESSION_COOKIE } from './tokens.js';

/**
 * The active user the request is signed in as.
 *
 * @param tokens Token → user id.
 * @throws ApiProblemError 401 `unauthenticated` for missing, malformed or unknown credentials, and
 * for a user who is inactive (a deactivated user cannot log in until activated again).
 */
export function authenticate(
  request: Request,
  tokens: ReadonlyMap<string, string>,
  store: UserStore,
  cookies?: Readonly<Record<string, string>>,
): User {
  const token = readToken(request, cookies);
  const userId = tokens.get(token);
  const user = userId === undefined ? undefined : store.get(userId);
  if (!user) throw unauthenticated('The token is not valid; sign in again.');
  if (user.status !== 'active') throw unauthenticated('This account is deactivated and cannot sign in.');
  return user;
}

function readToken(request: Request, cookies?: Readonly<Record<string, string>>): string {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    return match[1];
  }
  const cookie = readCookie(request.headers.get('cookie'), SESSION_COOKIE) ?? cookies?.[SESSION_COOKIE];
  if (cookie) return cookie;
  throw unauthenticated(`Sign in: send "Authorization: Bearer <token>" or the ${SESSION_COOKIE} cookie.`);
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

function unauthenticated(detail: string): ApiProblemError {
  return new ApiProblemError(401, 'unauthenticated', detail);
}
