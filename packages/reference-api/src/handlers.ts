/**
 * msw request handlers that route every request whose path contains `/v1/` (any origin, any
 * prefix) to the reference API. The same handlers serve `setupWorker` in the browser and
 * `setupServer` in Node.
 *
 * @module
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { ReferenceApi } from './api.js';
import { DROP } from './faults.js';

/** Matches the full URL of any request under `/v1`, on any origin. */
const CONTRACT_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/]+(?:\/.*)?\/v1(?:\/.*)?$/i;

/** Creates msw handlers answering the whole contract from `api`. */
export function createHandlers(api: ReferenceApi): RequestHandler[] {
  return [
    http.all(CONTRACT_URL, async ({ request }) => {
      const answer = await api.handle(request);
      return answer === DROP ? HttpResponse.error() : answer;
    }),
  ];
}
