/**
 * Shared set-up of the reliability suites: a distinctive token, clients that record every
 * request (URL, Authorization header, signal), a watch over what the page reports (unhandled
 * rejections, console output, `jt-error` events), and a deep reading of everything a page shows.
 *
 * The element suites' helpers (one msw worker per file, seed members, shadow-root queries) are
 * reused from test/elements/support.ts.
 */
import { createUsersClient, type RetryOptions, type UsersClient } from '@jt-users/sdk';
import type { JtErrorEvent } from '@jt-users/elements';
import { demoUserIds, type ReferenceApi } from '@jt-users/reference-api/browser';

export { eventually, part, referenceApi, shadow, someMember } from '../elements/support.js';

/**
 * The token the reliability clients sign in with: distinctive enough that finding it anywhere
 * outside an Authorization header is certainly a leak, never a coincidence.
 */
export const SECRET_TOKEN = 'secret-token-XYZ-123';

/** Lets {@link SECRET_TOKEN} sign in as the demo Admin (the API's reset forgets it again). */
export function acceptSecretToken(api: ReferenceApi): void {
  api.tokens.set(SECRET_TOKEN, demoUserIds.admin);
}

/** One request as it left the client. */
export interface RecordedRequest {
  method: string;
  /** The full URL, query included. */
  url: string;
  /** From `/v1/` on, without the query. */
  path: string;
  authorization: string | null;
  /** The request's own signal: aborted when the SDK (or the element through it) gave up on it. */
  signal: AbortSignal;
  /** The status of the answer once it arrived. */
  status?: number;
}

/** A client signed in with {@link SECRET_TOKEN} that records what it sends. */
export interface WatchedClient {
  client: UsersClient;
  requests: RecordedRequest[];
  /** How often the SDK asked for a fresh token (`forceRefresh: true`, after a 401). */
  refreshes(): number;
  /** The recorded requests of one method, optionally only those whose path contains `path`. */
  sent(method: 'GET' | 'PUT', path?: string): RecordedRequest[];
}

/** Options of {@link watchedClient}. */
export interface WatchedClientOptions {
  /** Default: no retries, so each injected fault reaches the element exactly once. */
  retry?: RetryOptions;
  timeoutMs?: number;
}

/**
 * A client that signs in with {@link SECRET_TOKEN} (also when asked to refresh it) and records
 * every request. A fresh client is a fresh store: one per test.
 */
export function watchedClient(options: WatchedClientOptions = {}): WatchedClient {
  const requests: RecordedRequest[] = [];
  let refreshes = 0;
  const client = createUsersClient({
    baseUrl: '/api',
    getToken: ({ forceRefresh }) => {
      if (forceRefresh) refreshes++;
      return SECRET_TOKEN;
    },
    retry: options.retry ?? { limit: 0 },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    fetch: (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const recorded: RecordedRequest = {
        method: request.method,
        url: request.url,
        path: url.pathname.replace(/^\/api/, ''),
        authorization: request.headers.get('authorization'),
        signal: request.signal,
      };
      requests.push(recorded);
      return fetch(request).then((response) => {
        recorded.status = response.status;
        return response;
      });
    },
  });
  return {
    client,
    requests,
    refreshes: () => refreshes,
    sent: (method, path) =>
      requests.filter((r) => r.method === method && (path === undefined || r.path.includes(path))),
  };
}

const CONSOLE_METHODS = ['error', 'warn', 'log', 'info', 'debug'] as const;

/** What the page reported while a {@link watchPage} ran. */
export interface PageWatch {
  /** Reasons of unhandled promise rejections. */
  unhandled: unknown[];
  /** The arguments of each `console.error` call. */
  consoleErrors: unknown[][];
  /** Every console call of any level, as text. */
  consoleText: string[];
  /** Every `jt-error` that reached the document. */
  errors: JtErrorEvent[];
  /** Restores the console and removes the listeners. */
  stop(): void;
}

/**
 * Watches the page: unhandled rejections, every console call (still printed) and every
 * `jt-error`. Call `stop()` in `afterEach`.
 */
export function watchPage(): PageWatch {
  const watch: PageWatch = { unhandled: [], consoleErrors: [], consoleText: [], errors: [], stop: () => {} };
  const onRejection = (event: PromiseRejectionEvent) => watch.unhandled.push(event.reason);
  const onError = (event: JtErrorEvent) => watch.errors.push(event);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('jt-error', onError);
  // Reflect.get: the original methods are kept as they are (unbound), to be put back unchanged.
  const originals = CONSOLE_METHODS.map(
    (method) => [method, Reflect.get(console, method) as (...args: unknown[]) => void] as const,
  );
  for (const [method, original] of originals) {
    console[method] = (...args: unknown[]) => {
      if (method === 'error') watch.consoleErrors.push(args);
      watch.consoleText.push(args.map((arg) => textsOf(arg).join(' ')).join(' '));
      original.apply(console, args);
    };
  }
  watch.stop = () => {
    window.removeEventListener('unhandledrejection', onRejection);
    document.removeEventListener('jt-error', onError);
    for (const [method, original] of originals) console[method] = original;
  };
  return watch;
}

/**
 * Every string a value can show when logged, serialized or inspected: for errors their name,
 * message, stack, own fields and causes; for other objects their JSON.
 */
export function textsOf(value: unknown, depth = 0): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'function') return [value.name];
  if (typeof value === 'symbol') return [value.toString()];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return [value.toString()];
  if (typeof value !== 'object') return [];
  if (depth > 4) return [];
  const texts: string[] = [];
  if (value instanceof Error) {
    texts.push(String(value), value.stack ?? '');
    for (const [key, field] of Object.entries(value)) texts.push(key, ...textsOf(field, depth + 1));
    texts.push(...textsOf(value.cause, depth + 1));
  }
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch {
    // A cycle: the fields above are what can be read.
  }
  return texts;
}

/** Everything an error event hands to a host: the error (deeply), the operation and the detail as JSON. */
export function describeErrorEvent(event: JtErrorEvent): string[] {
  return [event.operation, ...textsOf(event.error), ...textsOf(event.detail)];
}

/**
 * Every attribute (name and value), text node and form value of `root` and below, looking
 * through open shadow roots: what a page (or a script on it) can read off the screen.
 */
export function pageStrings(root: Node = document.documentElement): string[] {
  const texts: string[] = [];
  const visit = (node: Node): void => {
    if (node instanceof Text) texts.push(node.data);
    if (node instanceof Element) {
      for (const attribute of node.attributes) texts.push(`${attribute.name}=${attribute.value}`);
      if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement) texts.push(node.value);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return texts;
}

/** The text of every `role="alert"` element below `root`, through shadow roots, whitespace collapsed. */
export function alertTexts(root: Node): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (node instanceof Element) {
      if (node.getAttribute('role') === 'alert') found.push(collapse(node.textContent));
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return found;
}

/** Text with runs of whitespace as one space, trimmed. */
export function collapse(text: string | null | undefined): string {
  return text?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Lets queued tasks run: late events of a flow that already ended would arrive meanwhile. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}
