/**
 * `npm start`: the demo on http://127.0.0.1:5173 (or the next free port), talking HTTP to the
 * reference API. `--port` and `--latency` (milliseconds, default 150) change them.
 */
import { parseArgs } from 'node:util';
import { startDemoServer } from './demo-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    latency: { type: 'string', default: '150' },
  },
});

const demo = await startDemoServer({ port: Number(values.port), latencyMs: Number(values.latency) });

console.log(`\n  jt-users demo:   ${demo.url}`);
console.log(`  reference API:   ${demo.api.url} (proxied at /api, ${values.latency} ms latency)\n`);

async function shutDown(): Promise<void> {
  await demo.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutDown());
process.once('SIGTERM', () => void shutDown());
