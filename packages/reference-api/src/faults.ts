/**
 * Fault injection: latency, error answers, dropped connections, malformed bodies, lost answers
 * and requests that never end. Everything a real network does to a client, on demand, so tests
 * and stories can show how the SDK and the elements cope.
 *
 * Faults are queued and used up in the order they were added; each applies to the next `count`
 * requests that match its optional method/path filter. CORS preflights are never affected.
 *
 * @module
 */
import { createProblem, problemResponse, type ProblemCode } from './problems.js';

/** Returned by the API's `handle` instead of a Response when the connection must be dropped. */
export const DROP: unique symbol = Symbol('jt-users.drop');

/** Which requests a fault applies to; both parts must match when given. */
export interface FaultMatch {
  /** HTTP method, case-insensitive, e.g. `'PUT'`. */
  method?: string;
  /** A string the path (from `/v1/` on) contains, or a pattern it matches. */
  path?: string | RegExp;
}

/** Options every fault takes. */
export interface FaultOptions {
  /** Only requests matching this are affected; default: every request. */
  match?: FaultMatch;
}

/** Options of {@link FaultInjector.failNext}. */
export interface FailOptions extends FaultOptions {
  /** The problem's `code`; defaults to the contract's code for the status. */
  code?: ProblemCode;
  /** Seconds for `Retry-After`; a 429 always carries one (default 1). */
  retryAfterSeconds?: number;
  /** The problem's `detail`. */
  detail?: string;
}

/**
 * How a malformed answer is broken: `json` is not JSON at all, `schema` is JSON that breaks the
 * User (or page) schema, `html` is a proxy's 502 error page.
 */
export type MalformKind = 'json' | 'schema' | 'html';

/** A fault taken for one request. */
export type Fault =
  | { kind: 'fail'; status: number; code: ProblemCode; retryAfterSeconds?: number; detail?: string }
  | { kind: 'drop' }
  | { kind: 'malform'; malform: MalformKind }
  | { kind: 'loseAnswer' }
  | { kind: 'hang' };

interface QueuedFault {
  fault: Fault;
  remaining: number;
  match: FaultMatch | undefined;
}

const DEFAULT_CODES: Record<number, ProblemCode> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
};

/** Injects faults into the reference API. */
export class FaultInjector {
  /** Delay before every answer, in milliseconds. */
  latencyMs: number;

  readonly #initialLatencyMs: number;
  #queue: QueuedFault[] = [];
  /** Pending delays and hangs; `reset()` lets them all go, so no timer outlives a test. */
  readonly #waiting = new Set<() => void>();

  constructor(options: { latencyMs?: number } = {}) {
    this.latencyMs = this.#initialLatencyMs = options.latencyMs ?? 0;
  }

  /** Answers the next `count` matching requests with a problem+json error of this status. */
  failNext(count: number, status: number, options: FailOptions = {}): this {
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new RangeError(`status must be 400 to 599, got ${status}`);
    const code =
      options.code ?? DEFAULT_CODES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
    const retryAfterSeconds = options.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
    const fault: Fault = { kind: 'fail', status, code };
    if (retryAfterSeconds !== undefined) fault.retryAfterSeconds = retryAfterSeconds;
    if (options.detail !== undefined) fault.detail = options.detail;
    return this.#add(count, fault, options);
  }

  /** Drops the connection of the next `count` matching requests without applying them. */
  dropNext(count: number, options: FaultOptions = {}): this {
    return this.#add(count, { kind: 'drop' }, options);
  }

  /** Answers the next `count` matching requests with a broken body (see {@link MalformKind}). */
  malformNext(count: number, kind: MalformKind, options: FaultOptions = {}): this {
    return this.#add(count, { kind: 'malform', malform: kind }, options);
  }

  /** Applies the next `count` matching requests, then drops the connection: the answer is lost. */
  loseAnswerNext(count: number, options: FaultOptions = {}): this {
    return this.#add(count, { kind: 'loseAnswer' }, options);
  }

  /** Never answers the next `count` matching requests, until the client aborts or `reset()`. */
  hangNext(count: number, options: FaultOptions = {}): this {
    return this.#add(count, { kind: 'hang' }, options);
  }

  /** How many faulty answers are still queued. */
  get pending(): number {
    return this.#queue.reduce((sum, queued) => sum + queued.remaining, 0);
  }

  /** Forgets queued faults, ends every delay and hang at once, and restores the initial latency. */
  reset(): void {
    this.#queue = [];
    this.latencyMs = this.#initialLatencyMs;
    for (const release of [...this.#waiting]) release();
    this.#waiting.clear();
  }

  /** Takes the next fault for this request, if one matches. */
  take(method: string, path: string): Fault | undefined {
    const queued = this.#queue.find((candidate) => matches(candidate.match, method, path));
    if (!queued) return undefined;
    queued.remaining--;
    if (queued.remaining === 0) this.#queue.splice(this.#queue.indexOf(queued), 1);
    return queued.fault;
  }

  /** Waits `latencyMs`; ends early when the request is aborted or the injector reset. */
  delay(signal?: AbortSignal): Promise<void> {
    if (this.latencyMs <= 0) return Promise.resolve();
    const ms = this.latencyMs;
    return this.#wait(signal, (release) => {
      const timer = setTimeout(release, ms);
      return () => clearTimeout(timer);
    });
  }

  /** Waits until the request is aborted or the injector reset; no timer is involved. */
  hang(signal?: AbortSignal): Promise<void> {
    return this.#wait(signal, () => () => {});
  }

  #wait(signal: AbortSignal | undefined, start: (release: () => void) => () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const release = (): void => {
        stop();
        this.#waiting.delete(release);
        signal?.removeEventListener('abort', release);
        resolve();
      };
      const stop = start(release);
      this.#waiting.add(release);
      signal?.addEventListener('abort', release, { once: true });
    });
  }

  #add(count: number, fault: Fault, options: FaultOptions): this {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a positive integer, got ${count}`);
    this.#queue.push({ fault, remaining: count, match: options.match });
    return this;
  }
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path);
}

/** The answer of a `fail` fault. */
export function failureResponse(fault: Extract<Fault, { kind: 'fail' }>): Response {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  return problemResponse(createProblem(fault.status, fault.code, fault.detail ?? 'Injected fault.'), headers);
}

/** The answer of a `malform` fault; `isList` picks a broken page instead of a broken user. */
export function malformedResponse(kind: MalformKind, isList: boolean): Response {
  switch (kind) {
    case 'json':
      // Cut off mid-document, like a body truncated by a crashing proxy.
      return new Response('{"items":[{"id":"usr_admin","name":"Ada', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    case 'schema': {
      // Plausible at a glance, wrong in type and enum: what an incompatible server version sends.
      const user = {
        id: 42,
        name: null,
        email: 'someone@example.com',
        role: 'owner',
        status: 'suspended',
        createdAt: 'yesterday',
      };
      const body = isList ? { items: [user], nextCursor: 0, total: '1' } : user;
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    case 'html':
      return new Response(
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
        {
          status: 502,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        },
      );
  }
}
