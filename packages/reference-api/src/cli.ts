#!/usr/bin/env node
/**
 * `npm run api`: the reference API on a local port, for the demo and for manual checks.
 *
 * ```sh
 * npm run api -- --port 8787 --latency 300 --seed-size 5000 --rate-limit 100/10
 * ```
 *
 * @module
 */
import { parseArgs } from 'node:util';
import type { RateLimit } from './rate-limit.js';
import { startReferenceServer } from './server.js';
import { demoTokens } from './tokens.js';

const DEFAULT_PORT = 8787;

const USAGE = `Usage: jt-users-api [--port <n>] [--host <address>] [--latency <ms>] [--seed-size <n>]
                   [--rate-limit <requests>/<seconds>]

  --port        port to listen on (default: $PORT or ${DEFAULT_PORT}; 0 picks a free one)
  --host        interface to listen on (default: 127.0.0.1)
  --latency     delay before every answer, in milliseconds (default: 0)
  --seed-size   number of seeded users (default: about 60)
  --rate-limit  answer 429 to a signed-in user who sends more requests than this in any
                window of that many seconds, e.g. 100/10 (default: no limit)
  --help        show this text`;

function readNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function readRateLimit(raw: string | undefined): RateLimit | undefined {
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(`--rate-limit must be <requests>/<seconds>, both at least 1, e.g. 100/10; got "${raw}"`);
  return { requests: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      latency: { type: 'string' },
      'seed-size': { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const server = await startReferenceServer({
    port: readNumber('port', values.port ?? process.env['PORT']) ?? DEFAULT_PORT,
    host: values.host,
    latencyMs: readNumber('latency', values.latency),
    seedSize: readNumber('seed-size', values['seed-size']),
    rateLimit: readRateLimit(values['rate-limit']),
  });

  console.log(`Reference API listening on ${server.url}`);
  console.log('Demo tokens (Authorization: Bearer <token>, or the jt_session cookie):');
  for (const [role, token] of Object.entries(demoTokens)) console.log(`  ${role.padEnd(9)} ${token}`);
  console.log(`Test control: POST ${server.url}/__control/reset, POST ${server.url}/__control/faults`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
