/**
 * The SDK in Node: the cost of checking a page of users against the contract, and of walking an
 * organization of 100 000 users with `iterateUsers`, page by page, against the reference API in
 * the same process (its share is timed and kept apart from the client's).
 */
import { performance } from 'node:perf_hooks';
import { createUsersClient } from '@jt-users/sdk';
import { MAX_PAGE_SIZE, UserPageSchema } from '@jt-users/sdk/schemas';
import { UserPageJson } from '../packages/sdk/src/contract.js';
import { parse } from '../packages/sdk/src/json-schema.js';
import { createReferenceApi, demoTokens, DROP, type ReferenceApi } from '@jt-users/reference-api';
import { round, summarize, type Summary } from './lib/stats.js';

export interface SdkResult {
  validate: {
    users: number;
    /** The client's contract check of a 200-user page (the compiled JSON Schema), per user. */
    contractUsPerUser: Summary;
    /** `UserPageSchema.parse` (zod, as a server checks) of the same page, per user. */
    schemaUsPerUser: Summary;
    /** `listUsers` from a ready answer: JSON parse, contract check and the client's own work, per user. */
    listUsersUsPerUser: Summary;
  };
  iterate: {
    users: number;
    pages: number;
    pageSize: number;
    wallMs: number;
    /** Process CPU (user + system) of the whole walk, per page; the API's share included. */
    processCpuMsPerPage: number;
    /** The reference API's share per page (answering, in the same process). */
    apiMsPerPage: number;
    /** The client's work per page: from one answer until the next request (parse, check, yield 200 users). */
    clientMsPerPage: Summary;
  };
}

const SAMPLE_USERS = 1000;
const ITERATE_USERS = 100_000;

/** A client whose `fetch` is answered by `api` directly, timing the API's share. */
function clientFor(api: ReferenceApi, onAnswer: (startedAt: number, answeredAt: number) => void) {
  return createUsersClient({
    baseUrl: 'http://reference.test/api',
    getToken: () => demoTokens.admin,
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const started = performance.now();
      const answer = await api.handle(new Request(input, init));
      onAnswer(started, performance.now());
      if (answer === DROP) throw new TypeError('fetch failed');
      return answer;
    },
  });
}

async function measureValidation(reps: number): Promise<SdkResult['validate']> {
  const api = createReferenceApi({ seedSize: SAMPLE_USERS });
  const page = api.store.list({ limit: MAX_PAGE_SIZE });
  const json = JSON.stringify(page);
  const data: unknown = JSON.parse(json);
  const users = page.items.length;

  /** µs per user of `check`, after the first runs (they warm up the JIT; a long-lived page does not pay them). */
  const perUser = (check: () => unknown): number[] => {
    const times: number[] = [];
    for (let rep = 0; rep < reps + 20; rep++) {
      const started = performance.now();
      check();
      if (rep >= 20) times.push(((performance.now() - started) * 1000) / users);
    }
    return times;
  };
  // Throws where the page does not fit the contract.
  const contract = perUser(() => parse(UserPageJson, data));
  const schema = perUser(() => UserPageSchema.parse(data));

  const client = createUsersClient({
    baseUrl: 'http://reference.test/api',
    retry: { limit: 0 },
    fetch: () => Promise.resolve(new Response(json, { headers: { 'content-type': 'application/json' } })),
  });
  const listUsers: number[] = [];
  for (let rep = 0; rep < reps + 20; rep++) {
    const started = performance.now();
    await client.listUsers({ limit: MAX_PAGE_SIZE });
    if (rep >= 20) listUsers.push(((performance.now() - started) * 1000) / users);
  }
  return {
    users,
    contractUsPerUser: summarize(contract),
    schemaUsPerUser: summarize(schema),
    listUsersUsPerUser: summarize(listUsers),
  };
}

async function measureIteration(): Promise<SdkResult['iterate']> {
  const api = createReferenceApi({ seedSize: ITERATE_USERS });
  let apiMs = 0;
  let lastAnswer: number | undefined;
  const clientMs: number[] = [];
  const client = clientFor(api, (startedAt, answeredAt) => {
    if (lastAnswer !== undefined) clientMs.push(startedAt - lastAnswer);
    apiMs += answeredAt - startedAt;
    lastAnswer = answeredAt;
  });

  let users = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for await (const _user of client.iterateUsers({ limit: MAX_PAGE_SIZE })) users++;
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const pages = Math.ceil(users / MAX_PAGE_SIZE);
  return {
    users,
    pages,
    pageSize: MAX_PAGE_SIZE,
    wallMs: round(wallMs),
    processCpuMsPerPage: round((user + system) / 1000 / pages),
    apiMsPerPage: round(apiMs / pages),
    clientMsPerPage: summarize(clientMs),
  };
}

/** Runs both SDK measurements; `reps` validations of the 200-user page. */
export async function measureSdk({ reps }: { reps: number }): Promise<SdkResult> {
  return { validate: await measureValidation(reps), iterate: await measureIteration() };
}
