/**
 * Test-control endpoints of the real server, under `/__control/`, so pages in a browser and the
 * demo can drive a server they cannot reach in memory. They are not part of the contract and
 * need no credentials: the server only ever listens on localhost.
 *
 * | method | path | body | effect |
 * | --- | --- | --- | --- |
 * | POST | `/__control/reset` | | seed users, demo tokens, no faults (204) |
 * | POST | `/__control/faults` | {@link FaultControlBody} | sets latency, queues faults; answers `{ latencyMs, pending }` |
 * | DELETE | `/__control/faults` | | forgets queued faults, restores the initial latency (204) |
 * | POST | `/__control/session` | `{ "token": "demo-admin" }` | sets the `jt_session` cookie (204) |
 * | DELETE | `/__control/session` | | clears the `jt_session` cookie (204) |
 * | GET | `/__control/changes` | | the store's change log, oldest first |
 *
 * @module
 */
import * as z from 'zod/mini';
import type { ReferenceApi } from './api.js';
import { isLocalOrigin, isPreflight, preflightResponse, withCors } from './cors.js';
import { ApiProblemError, createProblem, jsonResponse, problemResponse } from './problems.js';
import { SESSION_COOKIE } from './tokens.js';
import { parseOrThrow, readJsonBody } from './validation.js';

/** The path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/__control/';

const Count = z.number().check(z.int(), z.positive());
const matchFields = { method: z.optional(z.string()), path: z.optional(z.string()) };

/** The body of `POST /__control/faults`; each key mirrors the `FaultInjector` method of the same name. */
export const FaultControlSchema = z.strictObject({
  latencyMs: z.optional(z.number().check(z.nonnegative())),
  failNext: z.optional(
    z.strictObject({
      count: Count,
      status: z.number().check(z.int(), z.gte(400), z.lte(599)),
      code: z.optional(z.string()),
      retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
      detail: z.optional(z.string()),
      ...matchFields,
    }),
  ),
  dropNext: z.optional(z.strictObject({ count: Count, ...matchFields })),
  malformNext: z.optional(
    z.strictObject({ count: Count, kind: z.enum(['json', 'schema', 'html']), ...matchFields }),
  ),
  loseAnswerNext: z.optional(z.strictObject({ count: Count, ...matchFields })),
  hangNext: z.optional(z.strictObject({ count: Count, ...matchFields })),
});

/** The body of `POST /__control/faults`. */
export type FaultControlBody = z.infer<typeof FaultControlSchema>;

const SessionSchema = z.strictObject({ token: z.string().check(z.minLength(1), z.regex(/^[\x21-\x7e]+$/)) });

/**
 * Answers a control request, or returns undefined when the request is not one (its path does
 * not start with {@link CONTROL_PREFIX}).
 */
export async function handleControl(api: ReferenceApi, request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return undefined;
  if (isPreflight(request)) return preflightResponse(request);
  const action = `${request.method.toUpperCase()} ${url.pathname.slice(CONTROL_PREFIX.length)}`;
  try {
    // They need no credentials: a page of another site must not reset or break the data (a POST
    // without a body needs no preflight, so CORS alone would not stop it).
    const origin = request.headers.get('origin');
    if (origin !== null && !isLocalOrigin(origin)) {
      throw new ApiProblemError(403, 'forbidden', 'The control endpoints answer pages of this machine only.');
    }
    return withCors(request, await control(api, action, request));
  } catch (error) {
    if (!(error instanceof ApiProblemError)) throw error;
    return withCors(request, problemResponse(error.toProblem()));
  }
}

async function control(api: ReferenceApi, action: string, request: Request): Promise<Response> {
  switch (action) {
    case 'POST reset':
      api.reset();
      return new Response(null, { status: 204 });
    case 'POST faults': {
      applyFaults(api, parseOrThrow(FaultControlSchema, await readJsonBody(request), 'body'));
      return jsonResponse({ latencyMs: api.faults.latencyMs, pending: api.faults.pending });
    }
    case 'DELETE faults':
      api.faults.reset();
      return new Response(null, { status: 204 });
    case 'POST session': {
      const { token } = parseOrThrow(SessionSchema, await readJsonBody(request), 'body');
      return sessionCookie(`${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax`);
    }
    case 'DELETE session':
      return sessionCookie(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    case 'GET changes':
      return jsonResponse(api.store.changes);
    default:
      return problemResponse(
        createProblem(
          404,
          'unknown_endpoint',
          `No control endpoint ${action.replace(' ', ` ${CONTROL_PREFIX}`)}.`,
        ),
      );
  }
}

function applyFaults(api: ReferenceApi, body: FaultControlBody): void {
  const { faults } = api;
  const match = (fields: { method?: string; path?: string }) => ({
    match: { method: fields.method, path: fields.path },
  });
  if (body.latencyMs !== undefined) faults.latencyMs = body.latencyMs;
  if (body.failNext) {
    const { count, status, code, retryAfterSeconds, detail } = body.failNext;
    faults.failNext(count, status, { code, retryAfterSeconds, detail, ...match(body.failNext) });
  }
  if (body.dropNext) faults.dropNext(body.dropNext.count, match(body.dropNext));
  if (body.malformNext)
    faults.malformNext(body.malformNext.count, body.malformNext.kind, match(body.malformNext));
  if (body.loseAnswerNext) faults.loseAnswerNext(body.loseAnswerNext.count, match(body.loseAnswerNext));
  if (body.hangNext) faults.hangNext(body.hangNext.count, match(body.hangNext));
}

function sessionCookie(cookie: string): Response {
  return new Response(null, { status: 204, headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } });
}
