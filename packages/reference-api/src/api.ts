/**
 * The whole HTTP contract as one fetch-style handler, `(Request) => Response`. msw handlers (in
 * the browser and in Node) and the real HTTP server all call it, so every rule exists once.
 *
 * @module
 */
import {
  SetRoleBodySchema,
  SetStatusBodySchema,
  UserIdSchema,
  type User,
  type UserRole,
} from '@jt-users/sdk/schemas';
import { authenticate } from './auth.js';
import { isPreflight, preflightResponse, withCors } from './cors.js';
import { DROP, failureResponse, FaultInjector, malformedResponse } from './faults.js';
import { ApiProblemError, createProblem, jsonResponse, problemResponse } from './problems.js';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import { UserStore } from './store.js';
import { createDemoTokenTable } from './tokens.js';
import { parseOrThrow, readJsonBody } from './validation.js';

/** Options of {@link createReferenceApi}. */
export interface ReferenceApiOptions {
  /** Size of the generated seed (default about 60 users; up to 100 000 for benchmarks). */
  seedSize?: number;
  /** Users to start from instead of the generated seed. They must include the demo users to sign in as them. */
  users?: readonly User[];
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Where "now" comes from for recorded changes and the rate limit. Default: the system clock. */
  clock?: () => Date;
  /**
   * Answer 429 `rate_limited`, with `Retry-After`, to a signed-in user who sends more requests
   * than this in a sliding window. Default: no limit.
   */
  rateLimit?: RateLimit;
}

/** An instance of the reference API: its data, its faults, and its request handler. */
export interface ReferenceApi {
  readonly store: UserStore;
  readonly faults: FaultInjector;
  /** Bearer token → user id. Starts with the demo tokens; tests may add tokens for other users. */
  readonly tokens: Map<string, string>;
  /**
   * Answers one request of the contract. Resolves to {@link DROP} when the connection must be
   * dropped without an answer (msw: `HttpResponse.error()`, server: destroy the socket).
   */
  handle(request: Request, context?: RequestContext): Promise<Response | typeof DROP>;
  /** Back to the seed users, the demo tokens and no faults. */
  reset(): void;
}

/** What a request carries besides itself. */
export interface RequestContext {
  /**
   * Cookies the request carries when its Cookie header cannot be read: a browser hides that header
   * from pages and service workers, so msw hands the cookies over separately.
   */
  readonly cookies?: Readonly<Record<string, string>>;
}

type RouteName = 'me' | 'users' | 'user' | 'userStatus' | 'userRole';

interface Route {
  name: RouteName;
  pattern: RegExp;
  methods: readonly string[];
}

const ROUTES: readonly Route[] = [
  { name: 'me', pattern: /^\/v1\/me$/, methods: ['GET'] },
  { name: 'users', pattern: /^\/v1\/users$/, methods: ['GET'] },
  { name: 'user', pattern: /^\/v1\/users\/([^/]+)$/, methods: ['GET'] },
  { name: 'userStatus', pattern: /^\/v1\/users\/([^/]+)\/status$/, methods: ['PUT'] },
  { name: 'userRole', pattern: /^\/v1\/users\/([^/]+)\/role$/, methods: ['PUT'] },
];

/**
 * The part of a pathname from `/v1/` on, so the API answers under any prefix
 * (`/api/v1/users`, `http://localhost:8787/v1/users`); undefined when there is none.
 */
export function contractPath(pathname: string): string | undefined {
  const start = pathname.indexOf('/v1/');
  if (start !== -1) return pathname.slice(start);
  return pathname.endsWith('/v1') ? '/v1' : undefined;
}

/** Creates an independent instance of the reference API with its own store and faults. */
export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const store = new UserStore({ users: options.users, seedSize: options.seedSize, clock: options.clock });
  const faults = new FaultInjector({ latencyMs: options.latencyMs });
  const tokens = createDemoTokenTable();
  const limiter =
    options.rateLimit &&
    new RateLimiter(options.rateLimit, () => (options.clock ? options.clock().getTime() : Date.now()));

  async function handle(request: Request, context: RequestContext = {}): Promise<Response | typeof DROP> {
    if (isPreflight(request)) return preflightResponse(request);
    const asked = request.method.toUpperCase();
    // HEAD is a GET answered without its body (RFC 9110).
    const method = asked === 'HEAD' ? 'GET' : asked;
    const response = await respond(request, method, context);
    return asked === 'HEAD' && response !== DROP ? new Response(null, response) : response;
  }

  async function respond(
    request: Request,
    method: string,
    context: RequestContext,
  ): Promise<Response | typeof DROP> {
    const path = contractPath(new URL(request.url).pathname);

    await faults.delay(request.signal);
    if (request.signal.aborted) return DROP;

    const fault = path === undefined ? undefined : faults.take(method, path);
    switch (fault?.kind) {
      case 'fail':
        return withCors(request, failureResponse(fault));
      case 'drop':
        return DROP;
      case 'malform':
        return withCors(request, malformedResponse(fault.malform, path === '/v1/users'));
      case 'hang':
        await faults.hang(request.signal);
        return DROP;
      case 'loseAnswer':
        await answer(request, method, path, context);
        return DROP;
      case undefined:
        return withCors(request, await answer(request, method, path, context));
    }
  }

  async function answer(
    request: Request,
    method: string,
    path: string | undefined,
    context: RequestContext,
  ): Promise<Response> {
    try {
      return await route(request, method, path, context);
    } catch (error) {
      if (error instanceof ApiProblemError) {
        const headers: Record<string, string> =
          error.status === 401 ? { 'www-authenticate': 'Bearer realm="jt-users"' } : {};
        return problemResponse(error.toProblem(), headers);
      }
      // A bug in the reference API must still answer in the contract's error format.
      return problemResponse(
        createProblem(500, 'server_error', error instanceof Error ? error.message : String(error)),
      );
    }
  }

  async function route(
    request: Request,
    method: string,
    path: string | undefined,
    context: RequestContext,
  ): Promise<Response> {
    const found = path === undefined ? undefined : findRoute(path);
    if (!found)
      throw new ApiProblemError(
        404,
        'unknown_endpoint',
        `No such endpoint: ${method} ${path ?? new URL(request.url).pathname}.`,
      );
    const { route: matched, id } = found;
    if (!matched.methods.includes(method)) {
      const allow = [
        ...matched.methods,
        ...(matched.methods.includes('GET') ? ['HEAD'] : []),
        'OPTIONS',
      ].join(', ');
      return problemResponse(
        createProblem(
          405,
          'method_not_allowed',
          `${method} is not allowed here; use ${matched.methods.join(' or ')}.`,
        ),
        { allow },
      );
    }

    const actor = authenticate(request, tokens, store, context.cookies);
    const retryAfter = limiter?.take(actor.id);
    if (limiter && retryAfter)
      return problemResponse(
        createProblem(
          429,
          'rate_limited',
          `At most ${limiter.limit.requests} requests in ${limiter.limit.windowMs} ms; try again in ${retryAfter} s.`,
        ),
        { 'retry-after': String(retryAfter) },
      );
    if (matched.name === 'me') return jsonResponse(actor);
    requireAdmin(actor);
    // Who asks is checked again once a change's body is in: while it came, they may have been
    // deactivated or made a Manager by another Admin.
    const admin = () => requireAdmin(authenticate(request, tokens, store, context.cookies));

    switch (matched.name) {
      case 'users':
        return jsonResponse(store.list(readQuery(new URL(request.url).searchParams)));
      case 'user': {
        const userId = readId(id);
        const user = store.get(userId);
        if (!user) throw new ApiProblemError(404, 'not_found', `No user with id "${userId}".`);
        return jsonResponse(user);
      }
      case 'userStatus': {
        const userId = readId(id);
        const { status } = parseOrThrow(SetStatusBodySchema, await readJsonBody(request), 'body');
        return jsonResponse(store.setStatus(admin(), userId, status));
      }
      case 'userRole': {
        const userId = readId(id);
        const { role } = parseOrThrow(SetRoleBodySchema, await readJsonBody(request), 'body');
        return jsonResponse(store.setRole(admin(), userId, role));
      }
    }
  }

  return {
    store,
    faults,
    tokens,
    handle,
    reset() {
      store.reset();
      faults.reset();
      limiter?.reset();
      tokens.clear();
      for (const [token, userId] of createDemoTokenTable()) tokens.set(token, userId);
    },
  };
}

/** `actor`, if an Admin; throws 403 `forbidden` otherwise. */
function requireAdmin(actor: User): User {
  if (actor.role !== 'admin') {
    throw new ApiProblemError(
      403,
      'forbidden',
      `Only Admins can view and edit users; you are signed in as ${roleLabel(actor.role)}.`,
    );
  }
  return actor;
}

function findRoute(path: string): { route: Route; id: string | undefined } | undefined {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, id: match[1] };
  }
  return undefined;
}

function readId(raw: string | undefined): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw ?? '');
  } catch {
    throw new ApiProblemError(400, 'invalid_request', 'id: is not a valid URL segment');
  }
  return parseOrThrow(UserIdSchema, decoded, 'id');
}

/**
 * The query string as an object for `UserQuerySchema`. Empty parameters (`?search=&status=`)
 * count as absent, so a form that submits every field works; a repeated one is ambiguous.
 */
function readQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (value === '') continue;
    if (Object.hasOwn(query, key))
      throw new ApiProblemError(400, 'invalid_request', `${key}: given more than once`);
    // The schema coerces numbers as JavaScript does (`0x10`, `1e1`, ` 10 `); a query says them in digits.
    if (key === 'limit' && !/^\d+$/.test(value))
      throw new ApiProblemError(400, 'invalid_request', 'limit: must be written in digits');
    query[key] = value;
  }
  return query;
}

const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'an Admin',
  manager: 'a Manager',
  member: 'a Member',
  external: 'an External user',
};

function roleLabel(role: UserRole): string {
  return ROLE_LABELS[role];
}
