/**
 * Every story of the Storybook, opened on its own in headless Chromium: it must render and finish
 * its play function with no console error, no uncaught exception and no failed request for a file
 * of the site. Builds Storybook first, or tests the build in `STORYBOOK_STATIC` when given.
 *
 * The stories make the reference API fail on purpose (error, refused and hanging requests), so
 * Chromium's own log lines about failed API requests do not count; everything else does.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type ConsoleMessage } from 'puppeteer-core';
import { chromiumArgs } from '../../web-test-runner.config.mjs';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Stories open in this many pages at once. */
const PAGES_AT_ONCE = 4;
/** How long one story may take to render and play (generous: the machine is shared). */
const STORY_TIMEOUT_MS = 20_000;
/** The stories' clients talk to the reference API under this path (see stories/support.ts). */
const API_PATH = '/api/v1/';

/** One entry of Storybook's `index.json`. */
interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

/** What the page shows once Storybook says the story is done. */
interface RenderOutcome {
  phase: string | undefined;
  errorShown: string | undefined;
  rendered: boolean;
}

let server: StaticServer | undefined;
let browser: Browser | undefined;
let stories: IndexEntry[] = [];

/** Builds Storybook with the project's own script and returns the output directory. */
async function buildStorybook(): Promise<string> {
  await promisify(execFile)('npm', ['run', '-s', 'build-storybook'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  return join(ROOT, 'storybook-static');
}

before(
  async () => {
    const site = process.env.STORYBOOK_STATIC ?? (await buildStorybook());
    const index = JSON.parse(await readFile(join(site, 'index.json'), 'utf8')) as {
      entries: Record<string, IndexEntry>;
    };
    stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    server = await serveStatic(site);
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
    });
  },
  { timeout: 5 * 60_000 },
);

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Requests the site is not answerable for: the reference API (error stories make it fail on
 * purpose, and a hanging request fails when its page closes) and Chromium's own favicon probe.
 */
function isExempt(url: string | undefined): boolean {
  if (url === undefined) return false;
  return url.includes(API_PATH) || new URL(url).pathname === '/favicon.ico';
}

/** Chromium's log line for a failed request that {@link isExempt} exempts. */
function isExemptRequestLog(message: ConsoleMessage): boolean {
  return message.text().startsWith('Failed to load resource') && isExempt(message.location().url);
}

/** Opens one story in a new page and returns everything that went wrong, as readable lines. */
async function openStory(story: IndexEntry): Promise<string[]> {
  if (!browser || !server) throw new Error('The browser or the server did not start.');
  const problems: string[] = [];
  // A window of its own, not a tab: a background tab is hidden, and Chromium pauses animation
  // frames there, so stories opened side by side would stall.
  const page = await browser.newPage({ type: 'window' });
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExemptRequestLog(message))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) =>
    problems.push(`uncaught exception: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400 && !isExempt(response.url())) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (!isExempt(request.url())) problems.push(`request failed: ${request.url()}`);
  });

  try {
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, {
      waitUntil: 'load',
    });
    const outcome = await page
      .waitForFunction(
        () => {
          const preview = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
            .__STORYBOOK_PREVIEW__;
          const phase = preview?.currentRender?.phase;
          if (phase !== 'finished' && phase !== 'aborted') return false;
          const shown = document.body.classList.contains('sb-show-errordisplay');
          return {
            phase,
            errorShown: shown
              ? (document.querySelector('#error-message')?.textContent ?? 'an error')
              : undefined,
            rendered: (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
          } satisfies RenderOutcome;
        },
        { timeout: STORY_TIMEOUT_MS, polling: 50 },
      )
      .then((handle) => handle.jsonValue() as Promise<RenderOutcome>);
    if (outcome.phase !== 'finished') problems.push(`the render ended as "${outcome.phase}"`);
    if (outcome.errorShown !== undefined) problems.push(`Storybook shows an error: ${outcome.errorShown}`);
    if (!outcome.rendered) problems.push('nothing was rendered into #storybook-root');
  } catch (error) {
    problems.push(`did not finish: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.close();
  }
  return problems;
}

test('every story renders and plays without an error', { concurrency: PAGES_AT_ONCE }, async (t) => {
  assert.ok(stories.length > 0, 'index.json lists no stories');
  await Promise.all(
    stories.map((story) =>
      t.test(`${story.title} › ${story.name}`, async () => {
        const problems = await openStory(story);
        assert.deepEqual(problems, [], `story ${story.id}:\n  ${problems.join('\n  ')}`);
      }),
    ),
  );
});
