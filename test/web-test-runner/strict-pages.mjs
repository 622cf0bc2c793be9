// The strict host page of the reliability suite: pages under /test/csp/ are served with a
// Content-Security-Policy that allows nothing inline and no eval, and /csp-api/* answers from an
// in-process reference API. The API must be same-origin: `default-src 'self'` also blocks
// fetches to another origin, and msw's service worker is not used by those pages.

/** What the strict page promises hosts it runs under: no inline script or style, no eval. */
export const STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";

const PAGES = '/test/csp/';
const API = '/csp-api';

/** @type {Promise<import('@jt-users/reference-api').ReferenceApi> | undefined} */
let reference;

/**
 * The reference API of the strict pages, from the built package (`npm run build`): the test
 * runner's own Node process cannot load TypeScript sources.
 */
function referenceApi() {
  reference ??= import('@jt-users/reference-api').then(({ createReferenceApi }) => createReferenceApi());
  return reference;
}

/** Adds the policy header to the strict pages. @type {import('@web/test-runner').Middleware} */
export async function strictPolicyHeader(context, next) {
  await next();
  if (context.path.startsWith(PAGES) && context.path.endsWith('.html')) {
    context.set('Content-Security-Policy', STRICT_POLICY);
  }
}

/** Answers /csp-api/* (contract and /__control/ endpoints) from the reference API. @type {import('@web/test-runner').Middleware} */
export async function strictPageApi(context, next) {
  if (!context.path.startsWith(`${API}/`)) return next();
  const { handleControl } = await import('@jt-users/reference-api');
  const api = await referenceApi();
  const url = new URL(context.url.slice(API.length), context.request.origin);
  const method = context.method;
  const chunks = [];
  if (method !== 'GET' && method !== 'HEAD') for await (const chunk of context.req) chunks.push(chunk);
  const request = new Request(url, {
    method,
    headers: /** @type {Record<string, string>} */ (context.request.headers),
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
  const answer = (await handleControl(api, request)) ?? (await api.handle(request));
  // A dropped connection (a fault the strict suite does not inject) ends the socket unanswered.
  if (!(answer instanceof Response)) return void context.req.socket.destroy();
  context.status = answer.status;
  answer.headers.forEach((value, name) => context.set(name, value));
  context.body = Buffer.from(await answer.arrayBuffer());
}
