/**
 * Shared pieces of the SDK's Node tests: a valid user, an msw server that counts requests, and a
 * client tuned so retries and timeouts take milliseconds.
 */
import { after, afterEach, before } from 'node:test';
import { setupServer } from 'msw/node';
import { HttpResponse } from 'msw';
import { createUsersClient, type UsersClientOptions, type User, type UsersClient } from '@jt-users/sdk';

/** Where the mocked API lives. */
export const BASE_URL = 'https://users.test/api';
/** A token that must never show up in an error. */
export const SECRET_TOKEN = 'tok_S3CRET-never-leak';

/** A user that fits the contract; `overrides` change single fields. */
export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'usr_1',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    role: 'member',
    status: 'active',
    createdAt: '2025-01-02T03:04:05.000Z',
    lastLoginAt: null,
    statusChangedAt: null,
    statusChangedBy: null,
    ...overrides,
  };
}

/** A problem+json answer as the contract describes it. */
export function problem(status: number, code: string, detail?: string, headers: HeadersInit = {}): Response {
  return HttpResponse.json(
    {
      type: `https://jt-users.dev/problems/${code}`,
      title: code.replace('_', ' '),
      status,
      code,
      ...(detail ? { detail } : {}),
    },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

/**
 * An msw server for one test file: listening from the file's start, handlers reset after every
 * test, and `requests` listing every request that reached it (cleared after every test).
 */
export function useMockServer() {
  const server = setupServer();
  const requests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone());
  });
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  after(() => server.close());
  return { server, requests };
}

/** A client of the mocked API with a fixed token and millisecond backoff. */
export function testClient(options: Partial<UsersClientOptions> = {}): UsersClient {
  return createUsersClient({
    baseUrl: BASE_URL,
    getToken: () => SECRET_TOKEN,
    retry: { limit: 2, backoffMs: 1 },
    ...options,
  });
}

/** The rejection of `promise`, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
