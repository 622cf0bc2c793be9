/**
 * The reference API living in the page itself, answering the SDK's `fetch` directly: zero
 * latency unless asked for, no network, no service worker in between, so the figures are the
 * elements' and the SDK's own work (plus the API's, which is timed separately).
 */
import { createUsersClient, type UsersClient } from '@jt-users/sdk';
import { createReferenceApi, demoTokens, DROP, type ReferenceApi } from '@jt-users/reference-api';

/** A reference API, a client talking to it, and clocks of what the API did. */
export interface InPageApi {
  api: ReferenceApi;
  client: UsersClient;
  /** `performance.now()` when the last `GET /v1/users` answer reached the client. */
  readonly listAnsweredAt: number;
  /** Milliseconds the API spent answering since the last {@link InPageApi.takeServerMs}. */
  takeServerMs(): number;
}

/** Creates the API with `seedSize` users and an Admin's client for it. */
export function createInPageApi(seedSize: number, latencyMs = 0): InPageApi {
  const api = createReferenceApi({ seedSize, latencyMs });
  let listAnsweredAt = 0;
  let serverMs = 0;
  const client = createUsersClient({
    baseUrl: '/api',
    getToken: () => demoTokens.admin,
    retry: { limit: 0 },
    // Latency scenarios wait for the server on purpose; never let the client give up first.
    timeoutMs: 120_000,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const started = performance.now();
      const answer = await api.handle(request);
      const answered = performance.now();
      // With latency the API waits a timer; that wait is not work.
      serverMs += Math.max(0, answered - started - api.faults.latencyMs);
      if (answer === DROP) throw new TypeError('Failed to fetch');
      if (request.method === 'GET' && new URL(request.url).pathname.endsWith('/v1/users')) {
        listAnsweredAt = answered;
      }
      return answer;
    },
  });
  return {
    api,
    client,
    get listAnsweredAt() {
      return listAnsweredAt;
    },
    takeServerMs() {
      const taken = serverMs;
      serverMs = 0;
      return taken;
    },
  };
}
