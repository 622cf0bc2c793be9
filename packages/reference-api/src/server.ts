/**
 * The reference API as a real HTTP server on localhost (Node only), for the demo, for browser
 * pages on another port, and for tests that want real sockets: timeouts, dropped connections
 * and CORS behave as they do in production.
 *
 * Besides the contract it answers the test-control endpoints under `/__control/` (see
 * `control.ts`): reset, faults, a cookie session and the change log.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReferenceApi, type ReferenceApi } from './api.js';
import { handleControl } from './control.js';
import { DROP } from './faults.js';
import { ApiProblemError, createProblem, problemResponse } from './problems.js';
import type { RateLimit } from './rate-limit.js';

/** Options of {@link startReferenceServer}. */
export interface ReferenceServerOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: the server is for this machine only. */
  host?: string;
  /**
   * Delay before every answer, in milliseconds, which a reset of the faults restores. Applied to
   * a given `api` too, whose reset restores the latency it was created with.
   */
  latencyMs?: number;
  /** Size of the generated seed, when no `api` is given. */
  seedSize?: number;
  /** Requests each signed-in user may send in a sliding window, when no `api` is given. Default: no limit. */
  rateLimit?: RateLimit;
  /** An existing API instance to serve, e.g. one a test also inspects in memory. */
  api?: ReferenceApi;
}

/** A running reference server. */
export interface ReferenceServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  url: string;
  api: ReferenceApi;
  /** Stops listening and ends every open connection, hanging requests included. */
  close(): Promise<void>;
}

/** Starts the reference API on a local port. */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const { port = 0, host = '127.0.0.1' } = options;
  const { latencyMs } = options;
  const api =
    options.api ??
    createReferenceApi({ seedSize: options.seedSize, latencyMs, rateLimit: options.rateLimit });
  if (latencyMs !== undefined) api.faults.latencyMs = latencyMs;

  const server = createServer((incoming, outgoing) => void serve(api, incoming, outgoing));
  // A client that sends its headers or body very slowly (or never finishes) is cut off, rather
  // than holding a connection for Node's default five minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and hanging connections would otherwise hold `close` open indefinitely.
        server.closeAllConnections();
      }),
  };
}

async function serve(api: ReferenceApi, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  // A client that gives up closes the connection: abort the request so delays and hangs end.
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  try {
    const request = await toRequest(incoming, controller.signal);
    const answer = (await handleControl(api, request)) ?? (await api.handle(request));
    if (answer === DROP) {
      incoming.socket.destroy();
      return;
    }
    await writeResponse(answer, outgoing);
  } catch (error) {
    if (outgoing.headersSent || outgoing.destroyed) {
      incoming.socket.destroy();
      return;
    }
    const problem =
      error instanceof ApiProblemError
        ? error.toProblem()
        : createProblem(500, 'server_error', error instanceof Error ? error.message : String(error));
    // The rest of a body not read (one too large) is not waited for.
    if (!incoming.complete) outgoing.setHeader('connection', 'close');
    await writeResponse(problemResponse(problem), outgoing);
  }
}

/** The largest request body read: the contract's bodies are a few dozen bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** Methods the Fetch API cannot carry (so no route takes them). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

async function toRequest(incoming: IncomingMessage, signal: AbortSignal): Promise<Request> {
  // The host is fixed: a Host header that is no host name would make the URL unreadable.
  const url = new URL(incoming.url ?? '/', 'http://localhost');
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    throw new ApiProblemError(405, 'method_not_allowed', `${method} is not allowed here.`);
  }
  const init: RequestInit = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        throw new ApiProblemError(413, 'invalid_request', `body: must be at most ${MAX_BODY_BYTES} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    init.body = Buffer.concat(chunks);
  }
  return new Request(url, init);
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
  outgoing.setHeader('content-length', body.length);
  outgoing.end(body);
}
