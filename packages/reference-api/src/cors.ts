/**
 * CORS for the real server, so a page served from another localhost port (the demo, Storybook,
 * the test runner) can call it with a bearer token or with cookies (`credentials: 'include'`).
 * Credentialed requests forbid the `*` wildcard, so the request's Origin is reflected: only a
 * page of this machine's, since the demo tokens are public and any site could use them.
 *
 * @module
 */

const ALLOWED_METHODS = 'GET, PUT, POST, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type';
/** Headers a cross-origin page may read; clients need them for retries and re-authentication. */
const EXPOSED_HEADERS = 'Retry-After, WWW-Authenticate';

/** True for a CORS preflight (or any OPTIONS request, which only ever asks what is allowed). */
export function isPreflight(request: Request): boolean {
  return request.method.toUpperCase() === 'OPTIONS';
}

/**
 * The answer to a preflight: the methods of every endpoint, for CORS. No `Allow`: that names a
 * path's own methods, which a 405 from that path gives.
 */
export function preflightResponse(request: Request): Response {
  return withCors(
    request,
    new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
      },
    }),
  );
}

/** Whether `origin` is a page of this machine (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`). */
export function isLocalOrigin(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return false;
  }
  return /(^|\.)localhost$/.test(host) || host === '127.0.0.1' || host === '[::1]';
}

/** Adds the CORS headers for the request's Origin, if it has a local one. Returns the same response. */
export function withCors(request: Request, response: Response): Response {
  const origin = request.headers.get('origin');
  if (origin === null || !isLocalOrigin(origin)) return response;
  response.headers.set('access-control-allow-origin', origin);
  response.headers.set('access-control-allow-credentials', 'true');
  response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
  response.headers.append('vary', 'Origin');
  return response;
}
