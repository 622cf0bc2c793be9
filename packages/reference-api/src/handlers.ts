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
    // A browser hides the Cookie header from the worker; msw hands the cookies over instead.
    http.all(CONTRACT_URL, async ({ request, cookies }) => {
      const answer = await api.handle(request, { cookies });
      return answer === DROP ? HttpResponse.error() : answer;
    }),
  ];
}
