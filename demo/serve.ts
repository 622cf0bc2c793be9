/**
 * `npm start`: the reference API as a real HTTP server, and the demo host page served by Vite,
 * which forwards `/api` to it. State lives in the API process: a reload shows what was changed,
 * a restart brings the seed back.
 */
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startReferenceServer } from '@jt-users/reference-api/node';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    latency: { type: 'string', default: '150' },
  },
});

const api = await startReferenceServer({ port: 0, latencyMs: Number(values.latency) });
const vite = await createServer({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  server: {
    port: Number(values.port),
    strictPort: false,
    host: '127.0.0.1',
    proxy: { '/api': { target: api.url, changeOrigin: true } },
  },
});
await vite.listen();

const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${values.port}/`;
console.log(`\n  jt-users demo:   ${url}`);
console.log(`  reference API:   ${api.url} (proxied at /api, ${values.latency} ms latency)\n`);

async function shutDown(): Promise<void> {
  await vite.close();
  await api.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutDown());
process.once('SIGTERM', () => void shutDown());
