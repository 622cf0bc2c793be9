/**
 * The browser side of the bench: the harness page bundled in memory and served from a tiny local
 * server, the machine's Chromium driven by puppeteer-core, and the DevTools-protocol reads
 * (garbage collection, heap, listeners) the measurements need.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { chromiumArgs } from '../../web-test-runner.config.mjs';
import { bundle } from '../lib/bundle.js';
import type { BenchPage } from './protocol.js';

const HARNESS = fileURLToPath(new URL('./page/harness.ts', import.meta.url));

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>jt-users bench</title></head>
  <body><script type="module" src="/harness.js"></script></body>
</html>
`;

/**
 * Makes the page cross-origin isolated: only then does Chromium give `performance.now()` its
 * fine resolution (microseconds instead of 0.1 ms), which sub-millisecond steps need.
 */
const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** Counters of the page after a forced garbage collection. */
export interface MemorySnapshot {
  /** Bytes of JavaScript heap in use. */
  heapUsed: number;
  /** DOM nodes alive (attached or not). */
  nodes: number;
  /** Event listeners registered from script, on any node. */
  jsEventListeners: number;
  /** Listeners on `window` and `document` themselves. */
  windowListeners: number;
  documentListeners: number;
}

/** Methods of `window.jtBench` (see protocol.ts). */
type Method = keyof BenchPage;

/** One open harness page and its DevTools session. */
export class BenchTab {
  constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  /** Calls `window.jtBench[method](...args)` in the page and returns its result. */
  call<M extends Method>(
    method: M,
    ...args: Parameters<BenchPage[M]>
  ): Promise<Awaited<ReturnType<BenchPage[M]>>> {
    return this.page.evaluate(
      (name, params) => {
        const bench = window.jtBench;
        if (!bench) throw new Error('The harness did not load.');
        const fn = bench[name] as (...values: unknown[]) => unknown;
        return fn(...params);
      },
      method,
      args,
    ) as Promise<Awaited<ReturnType<BenchPage[M]>>>;
  }

  /** Collects garbage (twice: finalizers of the first pass free more) and reads the counters. */
  async memory(): Promise<MemorySnapshot> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const heap = await this.cdp.send('Runtime.getHeapUsage');
    const counters = await this.cdp.send('Memory.getDOMCounters');
    return {
      heapUsed: heap.usedSize,
      nodes: counters.nodes,
      jsEventListeners: counters.jsEventListeners,
      windowListeners: await this.#listenersOn('window'),
      documentListeners: await this.#listenersOn('document'),
    };
  }

  async #listenersOn(expression: 'window' | 'document'): Promise<number> {
    const { result } = await this.cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) return 0;
    const { listeners } = await this.cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await this.cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.length;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The server, the browser and a way to open fresh harness pages. */
export class BrowserSession {
  private constructor(
    readonly browser: Browser,
    readonly server: Server,
    readonly url: string,
  ) {}

  /** Bundles the harness (minified, production, like a host's build), serves it, starts Chromium. */
  static async start(root: string): Promise<BrowserSession> {
    const { js } = await bundle({ source: `import ${JSON.stringify(HARNESS)};`, resolveFrom: root });
    const server = createServer((request, response) => {
      if (request.url === '/harness.js') {
        response
          .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...ISOLATION_HEADERS })
          .end(js);
      } else if (request.url === '/') {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...ISOLATION_HEADERS })
          .end(PAGE_HTML);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...chromiumArgs, '--window-size=1280,900'],
      defaultViewport: { width: 1280, height: 900 },
    });
    return new BrowserSession(browser, server, `http://127.0.0.1:${port}/`);
  }

  /** Chromium's version, e.g. `Chrome/156.0.8078.108`. */
  version(): Promise<string> {
    return this.browser.version();
  }

  /** A fresh page with the harness loaded: nothing cached, no element created yet. */
  async open(): Promise<BenchTab> {
    const page = await this.browser.newPage();
    await page.goto(this.url);
    await page.waitForFunction(() => window.jtBench !== undefined);
    if (!(await page.evaluate(() => crossOriginIsolated)))
      throw new Error('The bench page is not cross-origin isolated.');
    await page.bringToFront();
    const cdp = await page.createCDPSession();
    return new BenchTab(page, cdp);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
