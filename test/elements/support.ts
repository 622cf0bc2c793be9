/**
 * Shared set-up of the element tests: one reference API answering through msw's service worker
 * for the whole test file, and clients that record the requests they send.
 */
import { waitUntil } from '@open-wc/testing';
import { createUsersClient, type UsersClient } from '@jt-users/sdk';
import type { User } from '@jt-users/sdk/schemas';
import {
  demoTokens,
  demoUserIds,
  startReferenceWorker,
  type ReferenceApi,
  type ReferenceWorker,
} from '@jt-users/reference-api/browser';

let started: Promise<ReferenceWorker> | undefined;

/** How long a page waits for a worker another test file registered before msw takes over. */
const CLAIM_WAIT_MS = 5000;

/**
 * When two test files start at once, one registers msw's worker while the other page is already
 * loaded and not controlled by it. msw reloads such a page, which the runner reports as an
 * interrupted test file. The worker claims every open page when it activates, so the page waits
 * for that instead (and lets msw go on, reload and all, if it never comes).
 */
async function claimedByRegisteredWorker(): Promise<void> {
  if (navigator.serviceWorker.controller) return;
  if ((await navigator.serviceWorker.getRegistrations()).length === 0) return;
  await new Promise<void>((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
    setTimeout(resolve, CLAIM_WAIT_MS);
  });
}

/** Starts the reference API once per test file and resets it (seed users, no faults) for each test. */
export async function referenceApi(): Promise<ReferenceApi> {
  started ??= claimedByRegisteredWorker().then(() => startReferenceWorker());
  const { api } = await started;
  api.reset();
  return api;
}

/** One request a client sent, as `METHOD /v1/path`. */
export type SentRequest = string;

/** A client signed in with a demo token that records every request it sends. */
export function recordingClient(token: string = demoTokens.admin): {
  client: UsersClient;
  sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  const client = createUsersClient({
    baseUrl: '/api',
    getToken: () => token,
    retry: { limit: 0 },
    fetch: (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      sent.push(`${request.method} ${url.pathname.replace(/^\/api/, '')}`);
      return fetch(request);
    },
  });
  return { client, sent };
}

/** An active Member who is none of the demo accounts: a safe target for status changes. */
export function someMember(api: ReferenceApi, overrides: Partial<User> = {}): User {
  const demoIds = new Set<string>(Object.values(demoUserIds));
  const member = api.store
    .all()
    .find((user) => user.role === 'member' && user.status === 'active' && !demoIds.has(user.id));
  if (!member) throw new Error('The seed has no active member besides the demo accounts.');
  return Object.keys(overrides).length > 0 ? api.store.upsert({ ...member, ...overrides }) : member;
}

/** The element's shadow root, asserting it exists. */
export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) throw new Error(`${element.localName} has no shadow root`);
  return root;
}

/** The first match in the element's shadow root, asserting it exists. */
export function part<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${element.localName}: nothing matches ${selector}`);
  return found;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The text of the page's polite live region. */
export function liveRegionText(): string {
  return document.querySelector('[data-jt-live-region]')?.textContent ?? '';
}

/** A client whose changes (PUT requests) wait, before reaching the server, until `release()`. */
export interface HoldingClient {
  client: UsersClient;
  /** Every request sent, as `METHOD /v1/path`, when the element sent it (held or not). */
  sent: SentRequest[];
  /** Requests whose signal was aborted, as `METHOD /v1/path`. */
  aborted: SentRequest[];
  /** How many changes wait for `release()` now. */
  held(): number;
  /** Lets every held change go on to the server. */
  release(): void;
}

/**
 * A recording client that holds every PUT until the test releases it: the state between "the
 * person confirmed" and "the server answered" can be looked at without relying on latency.
 */
export function holdingClient(token: string = demoTokens.admin): HoldingClient {
  const sent: SentRequest[] = [];
  const aborted: SentRequest[] = [];
  let waiting: Array<() => void> = [];
  const client = createUsersClient({
    baseUrl: '/api',
    getToken: () => token,
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const line = `${request.method} ${new URL(request.url).pathname.replace(/^\/api/, '')}`;
      sent.push(line);
      request.signal.addEventListener('abort', () => aborted.push(line), { once: true });
      if (request.method === 'PUT') await new Promise<void>((resolve) => waiting.push(resolve));
      return fetch(request);
    },
  });
  return {
    client,
    sent,
    aborted,
    held: () => waiting.length,
    release: () => {
      const go = waiting;
      waiting = [];
      for (const resolve of go) resolve();
    },
  };
}

/**
 * `waitUntil` with room for a busy machine: two test files run at once on two cores, so a
 * flow that takes milliseconds alone can take a second. Waits for a state, never asserts a time.
 */
export function eventually(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000 });
}
