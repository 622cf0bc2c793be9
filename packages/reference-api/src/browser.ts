/**
 * The reference API in the browser: everything of the main entry, and msw's service worker
 * answering the contract for the page (tests, Storybook, the demo).
 *
 * @module
 */
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { createReferenceApi, type ReferenceApi } from './api.js';
import { createHandlers } from './handlers.js';

export * from './index.js';

/** A started worker answering the contract. */
export interface ReferenceWorker {
  api: ReferenceApi;
  worker: SetupWorker;
  /** Stops intercepting requests. */
  stop(): void;
}

/**
 * Registers msw's service worker (`/mockServiceWorker.js` unless `options.serviceWorker` says
 * otherwise) and answers every `/v1/` request from `api`. Other requests go to the network.
 */
export async function startReferenceWorker(
  api: ReferenceApi = createReferenceApi(),
  options: StartOptions = {},
): Promise<ReferenceWorker> {
  const worker = setupWorker(...createHandlers(api));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, ...options });
  return { api, worker, stop: () => worker.stop() };
}
