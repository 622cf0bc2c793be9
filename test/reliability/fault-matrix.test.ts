/**
 * The fault matrix: every flow of the elements against every fault the reference API can
 * inject. The cells are generated from two tables (flows × faults); each cell checks the same
 * promises:
 *
 * - the screen ends equal to the server's state (read from the API's own store);
 * - the person reads a clear message from the strings table of the page's language, never a code;
 * - `jt-error` fires exactly once (none when a token refresh rescued the request);
 * - no unhandled rejection and no console error;
 * - the token never leaves the Authorization header: not in an error, an event detail, a console
 *   message, a DOM attribute or text (through shadow roots), nor a URL.
 */
import { expect } from '@open-wc/testing';
import { formatNumber, loadStrings, type Strings } from '@jt-users/elements';
import type { UsersApiErrorCode } from '@jt-users/sdk';
import type { FaultMatch, ReferenceApi } from '@jt-users/reference-api/browser';
import { FLOWS, serverUser, type Cell, type Flow, type FlowRun } from './flows.js';
import {
  SECRET_TOKEN,
  acceptSecretToken,
  alertTexts,
  describeErrorEvent,
  eventually,
  pageStrings,
  referenceApi,
  settle,
  someMember,
  textsOf,
  watchPage,
  watchedClient,
  type PageWatch,
  type WatchedClient,
} from './support.js';

// ---- the faults ---------------------------------------------------------------------------------

/** How a cell ends: the change (or read) went through, was refused with a message, or access was lost. */
type Outcome = 'applied' | 'refused' | 'denied';

interface FaultCase {
  name: string;
  /** Queues the fault for the flow's request. */
  inject(api: ReferenceApi, match: FaultMatch): void;
  outcome: Outcome;
  /** The code the elements report; undefined when the request succeeds in the end. */
  code?: UsersApiErrorCode;
  /** What the person must read, from the strings of the page's language. */
  message?: (s: Strings, lang: string) => string;
  /** A short attempt timeout, for the cell whose request never gets an answer. */
  timeoutMs?: number;
  /** How often the SDK must have asked for a fresh token. */
  refreshes?: number;
}

const RETRY_AFTER_SECONDS = 7;

const FAULTS: readonly FaultCase[] = [
  {
    name: '500',
    inject: (api, match) => api.faults.failNext(1, 500, { match }),
    outcome: 'refused',
    code: 'server_error',
    message: (s) => s.errorServer,
  },
  {
    name: '502 with an HTML body',
    inject: (api, match) => api.faults.malformNext(1, 'html', { match }),
    outcome: 'refused',
    code: 'server_error',
    message: (s) => s.errorServer,
  },
  {
    name: 'timeout',
    inject: (api, match) => api.faults.hangNext(1, { match }),
    outcome: 'refused',
    code: 'timeout',
    message: (s) => s.errorTimeout,
    timeoutMs: 1000,
  },
  {
    name: 'dropped connection',
    inject: (api, match) => api.faults.dropNext(1, { match }),
    outcome: 'refused',
    code: 'network',
    message: (s) => s.errorNetwork,
  },
  {
    name: 'malformed JSON',
    inject: (api, match) => api.faults.malformNext(1, 'json', { match }),
    outcome: 'refused',
    code: 'invalid_response',
    message: (s) => s.errorInvalidResponse,
  },
  {
    name: 'a body that breaks the schema',
    inject: (api, match) => api.faults.malformNext(1, 'schema', { match }),
    outcome: 'refused',
    code: 'invalid_response',
    message: (s) => s.errorInvalidResponse,
  },
  {
    name: '401 with a successful token refresh',
    inject: (api, match) => api.faults.failNext(1, 401, { match }),
    outcome: 'applied',
    refreshes: 1,
  },
  {
    // The refreshed token is refused too: the session has really ended.
    name: '401 without a successful refresh',
    inject: (api, match) => api.faults.failNext(2, 401, { match }),
    outcome: 'refused',
    code: 'unauthenticated',
    message: (s) => s.errorUnauthenticated,
    refreshes: 1,
  },
  {
    name: '403',
    inject: (api, match) => api.faults.failNext(1, 403, { match }),
    outcome: 'denied',
    code: 'forbidden',
    message: (s) => s.errorForbidden,
  },
  {
    name: '404',
    inject: (api, match) => api.faults.failNext(1, 404, { match }),
    outcome: 'refused',
    code: 'not_found',
    message: (s) => s.errorNotFound,
  },
  {
    name: '409 self_deactivation',
    inject: (api, match) => api.faults.failNext(1, 409, { code: 'self_deactivation', match }),
    outcome: 'refused',
    code: 'self_deactivation',
    message: (s) => s.errorSelfDeactivation,
  },
  {
    name: '409 last_admin',
    inject: (api, match) => api.faults.failNext(1, 409, { code: 'last_admin', match }),
    outcome: 'refused',
    code: 'last_admin',
    message: (s) => s.errorLastAdmin,
  },
  {
    name: '429 with Retry-After',
    inject: (api, match) => api.faults.failNext(1, 429, { retryAfterSeconds: RETRY_AFTER_SECONDS, match }),
    outcome: 'refused',
    code: 'rate_limited',
    message: (s, lang) => s.errorRateLimited(RETRY_AFTER_SECONDS, formatNumber(RETRY_AFTER_SECONDS, lang)),
  },
];

// ---- the cells ----------------------------------------------------------------------------------

/** Every code a person must never read raw. */
const RAW_CODES: readonly string[] = FAULTS.flatMap((fault) => (fault.code ? [fault.code] : []));

function assertFactsEqualServer(run: FlowRun, outcome: Outcome, kind: Flow['kind']): void {
  const facts = run.facts();
  for (const [shown, server] of facts)
    expect(shown, 'the screen shows what the server holds').to.equal(server);
  // Data may only disappear when access was lost, or when a load failed (nothing wrong is shown then).
  if (outcome === 'applied' || (kind === 'change' && outcome === 'refused')) {
    expect(facts, 'the screen still shows the data').to.not.be.empty;
  }
}

function assertNoSecret(watch: PageWatch, watched: WatchedClient): void {
  const places: Array<[string, string[]]> = [
    ['jt-error events', watch.errors.flatMap(describeErrorEvent)],
    ['the console', watch.consoleText],
    ['unhandled rejections', watch.unhandled.flatMap((reason) => textsOf(reason))],
    ['the DOM', pageStrings()],
    ['request URLs', watched.requests.map((request) => request.url)],
  ];
  for (const [place, texts] of places) {
    const leaks = texts.filter((t) => t.includes(SECRET_TOKEN));
    expect(leaks, `the token appears in ${place}`).to.deep.equal([]);
  }
  // The scan means something only if the token was really in use: in the header, and only there.
  expect(watched.requests.length).to.be.greaterThan(0);
  for (const request of watched.requests) expect(request.authorization).to.equal(`Bearer ${SECRET_TOKEN}`);
}

async function runCell(flow: Flow, fault: FaultCase, lang: string, watch: PageWatch): Promise<void> {
  const api = await referenceApi();
  acceptSecretToken(api);
  const watched = watchedClient(fault.timeoutMs ? { timeoutMs: fault.timeoutMs } : {});
  // German loads on first use: wait for it, or the expected messages would be English.
  const cell: Cell = { api, watched, lang, s: await loadStrings(lang), member: someMember(api) };
  const run = await flow.prepare(cell);
  const target = flow.target?.(cell);
  const changesBefore = api.store.changes.length;
  const errorsBefore = watch.errors.length;

  fault.inject(api, run.match);
  const hit = () => watched.sent(run.match.method, run.match.path).length;
  const hitBefore = hit();
  await run.act();
  // The dialog closes, and the change starts, a task after the click: wait for the request, or
  // an "ended" state could be the state before it.
  await eventually(() => hit() > hitBefore, `the ${flow.name} sent no request`);
  const message = fault.message?.(cell.s, lang);
  await eventually(
    () =>
      run.idle() &&
      (message === undefined
        ? run.facts().length > 0 && run.facts().every(([shown, server]) => shown === server)
        : alertTexts(run.root()).some((alert) => alert.includes(message))),
    `the ${flow.name} did not end (${fault.name})`,
  );
  await settle();

  // The server's state, and the screen equal to it.
  if (target) {
    const expected = fault.outcome === 'applied' ? target.to : target.from;
    expect(target.read(serverUser(cell)), 'the server state').to.equal(expected);
    expect(api.store.changes.length - changesBefore, 'changes recorded').to.equal(
      fault.outcome === 'applied' ? 1 : 0,
    );
  }
  assertFactsEqualServer(run, fault.outcome, flow.kind);

  // The message: from the strings table, never a raw code.
  const alerts = alertTexts(run.root());
  if (message === undefined) expect(alerts, 'no message when the request succeeded').to.deep.equal([]);
  for (const alert of alerts) for (const code of RAW_CODES) expect(alert).to.not.include(code);

  // jt-error: once, with the code behind the message.
  const errors = watch.errors.slice(errorsBefore);
  expect(errors.map((event) => event.error.code)).to.deep.equal(fault.code ? [fault.code] : []);
  expect(watched.refreshes(), 'token refreshes').to.equal(fault.refreshes ?? 0);

  // A failed load can be retried, and then shows the server's users.
  const retry = run.retry?.();
  if (fault.outcome === 'refused' && flow.kind === 'read') {
    expect(retry, 'a Retry button after a failed load').to.not.equal(null);
    retry!.click();
    await eventually(() => run.idle() && run.facts().length > 0, 'the retry did not show users');
    assertFactsEqualServer(run, 'applied', flow.kind);
    expect(watch.errors.length - errorsBefore, 'no new jt-error after the retry').to.equal(errors.length);
  }

  expect(watch.unhandled, 'unhandled rejections').to.deep.equal([]);
  expect(watch.consoleErrors, 'console errors').to.deep.equal([]);
  assertNoSecret(watch, watched);
}

/** The languages the matrix runs in; German for every cell too, since each costs well under a second. */
const LANGS = ['en', 'de'] as const;

for (const lang of LANGS) {
  describe(`fault matrix (${lang}): screen equals server, clear message, one jt-error, no console error, no token leaked`, () => {
    let watch: PageWatch;
    beforeEach(() => (watch = watchPage()));
    afterEach(() => watch.stop());

    for (const flow of FLOWS) {
      describe(flow.name, () => {
        for (const fault of FAULTS) {
          it(`${fault.name}`, () => runCell(flow, fault, lang, watch));
        }
      });
    }
  });
}
