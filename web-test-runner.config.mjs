// Browser tests run in the machine's own Chromium (never a downloaded one) with msw's service
// worker served from the package, so the worker that controls the test page is never stale.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { browserDepsPlugin } from './test/web-test-runner/browser-deps.mjs';
import { resolveTsxPlugin } from './test/web-test-runner/resolve-tsx.mjs';
import { strictPageApi, strictPolicyHeader } from './test/web-test-runner/strict-pages.mjs';

const require = createRequire(import.meta.url);
const workerPath = require.resolve('msw/mockServiceWorker.js');

/** Flags a root user's headless Chromium needs here: no sandbox, and no calls to hosts it cannot reach. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.{ts,tsx}', '!test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  // esbuild's transform API reads the tsconfig file raw and ignores `extends`: point it at the
  // file that holds the decorator settings itself, or Lit throws "Unsupported decorator location".
  // It also holds `jsx: react-jsx`, the automatic runtime the React demo's .tsx files need.
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    resolveTsxPlugin(),
    // The demo hosts' frameworks, bundled for the browser (React is CommonJS only).
    browserDepsPlugin(['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client', 'vue']),
  ],
  middleware: [
    // The strict-CSP host pages (test/csp/) and the same-origin API they talk to.
    strictPolicyHeader,
    strictPageApi,
    async function serveMockServiceWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = await readFile(workerPath, 'utf8');
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
      // One window per test file, not one tab: with concurrent files a hidden tab runs no
      // animation frames (fixtures wait for one). Focus is emulated too, so focus and
      // :focus-visible behave the same whichever file runs beside which.
      async createPage({ context }) {
        const page = await context.newPage({ type: 'window' });
        await page.emulateFocusedPage(true);
        return page;
      },
    }),
  ],
  // One test file at a time. msw's worker is shared by every page of the origin: while one
  // file's page closes (the worker unregisters itself when it thinks it has no client left) or
  // starts, another page's requests can miss their handlers. Serial files cost about a third
  // more time and remove that race.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 5 * 60 * 1000,
};
