/**
 * The demo as one server: the reference API over real HTTP, and the demo host pages served by
 * Vite, which forwards `/api` to it, and `/__control/` to its control endpoints (the hosts'
 * "Reset demo data"; the server listens on this machine only). State lives in the API process:
 * a reload shows what was changed, a new server starts from the seed. `npm start` runs it (see
 * `serve.ts`).
 */
import { createServer, type LogLevel } from 'vite';
import { startReferenceServer, type ReferenceServer } from '@jt-users/reference-api/node';

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port of the pages; the next free one is taken when it is in use, and `0` picks any. */
  port?: number;
  /** Delay before every answer of the API, in milliseconds. */
  latencyMs?: number;
  /** How much Vite prints. Default `info`. */
  logLevel?: LogLevel;
}

/** A running demo. */
export interface DemoServer {
  /** The plain host page, e.g. `http://127.0.0.1:5173/`; `react/` and `vue/` are under it. */
  url: string;
  /** The reference API the pages talk to. */
  api: ReferenceServer;
  close(): Promise<void>;
}

/** Starts the reference API on a free port and the demo pages in front of it. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const api = await startReferenceServer({ port: 0, latencyMs: options.latencyMs });
  const vite = await createServer({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    logLevel: options.logLevel,
    server: {
      port: options.port ?? 5173,
      strictPort: false,
      host: '127.0.0.1',
      proxy: {
        '/api': { target: api.url, changeOrigin: true },
        // The reference API's control endpoints, for the hosts' "Reset demo data".
        '/__control': { target: api.url, changeOrigin: true },
      },
    },
  });
  try {
    await vite.listen();
  } catch (error) {
    await api.close();
    throw error;
  }
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error('The demo pages have no local address.');
  return {
    url,
    api,
    async close() {
      await vite.close();
      await api.close();
    },
  };
}
