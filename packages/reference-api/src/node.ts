/**
 * The reference API for Node: everything of the main entry, the real HTTP server, and msw's
 * `setupServer` wired to the handlers.
 *
 * @module
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createReferenceApi, type ReferenceApi } from './api.js';
import { createHandlers } from './handlers.js';

export * from './index.js';
export { startReferenceServer, type ReferenceServer, type ReferenceServerOptions } from './server.js';

/** msw's Node server answering the contract, with the API it answers from. */
export type ReferenceMswServer = SetupServer & { readonly api: ReferenceApi };

/**
 * Creates (but does not start) an msw server that intercepts `fetch` and answers every `/v1/`
 * request from `api`. Call `listen()` before the tests and `close()` after them.
 *
 * @example
 * ```ts
 * const server = setupReferenceServer();
 * before(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => server.api.reset());
 * after(() => server.close());
 * ```
 */
export function setupReferenceServer(api: ReferenceApi = createReferenceApi()): ReferenceMswServer {
  return Object.assign(setupServer(...createHandlers(api)), { api });
}
