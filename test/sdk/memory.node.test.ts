/**
 * What calls leave behind in a Node process. Node 20 keeps about 1.2 KB for every `Request` made
 * with a signal, and ky and fetch make a few per call (about 3.4 KB in all); beyond that, a call
 * must leave nothing, whether the caller passes a signal or not. Combined signals
 * (`AbortSignal.any`, which ky uses when given a signal) are never freed by Node 20: passing the
 * attempt's signal through ky cost about 12 KB a call.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createUsersClient, type RequestOptions } from '@jt-users/sdk';
import { makeUser } from './support.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const CALLS = 4000;
/** Per call: well above Node's own share, well below a signal that stays behind. */
const LIMIT_BYTES = 6 * 1024;

async function growthPerCall(options: () => RequestOptions | undefined): Promise<number> {
  const body = JSON.stringify(makeUser());
  const client = createUsersClient({
    baseUrl: 'https://users.test',
    fetch: () => Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } })),
  });
  for (let call = 0; call < 500; call++) await client.getCurrentUser(options());
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let call = 0; call < CALLS; call++) await client.getCurrentUser(options());
  collectGarbage();
  return (process.memoryUsage().heapUsed - before) / CALLS;
}

for (const [label, options] of [
  ['without a signal', () => undefined],
  ['with one signal for every call', ((signal) => () => ({ signal }))(new AbortController().signal)],
  ['with a new signal per call', () => ({ signal: new AbortController().signal })],
] as const) {
  test(`calls ${label} leave no more than Node keeps`, { timeout: 60_000 }, async () => {
    const bytes = await growthPerCall(options);
    assert.ok(bytes < LIMIT_BYTES, `${Math.round(bytes)} bytes per call`);
  });
}
