/**
 * Concurrent admins: two Admins, each in their own browser window with the single-file bundle,
 * change the status of the same users against the real HTTP reference server, interleaved at
 * random (seeded). Afterwards both screens, reloaded, equal the server, and the server's change
 * log holds exactly the changes the two screens saw confirmed. Then the two last Admins try to
 * deactivate each other at the same moment: one Admin always remains, and the loser is told why.
 *
 * Needs the build (`npm run build`): packages/elements/dist/jt-users.min.js.
 */
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { after, before, beforeEach, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  createSeedUsers,
  demoTokens,
  demoUserIds,
  startReferenceServer,
  type ReferenceServer,
} from '@jt-users/reference-api/node';
import type { User } from '@jt-users/sdk/schemas';
import { chromiumArgs } from '../../web-test-runner.config.mjs';
import { serveStatic, type StaticServer } from '../stories/static-server.js';
import { CONCURRENT_CHANGES, INTERLEAVING_SEED, MUTUAL_DEACTIVATION_ROUNDS } from './concurrency-plan.js';

const BUNDLE = 'packages/elements/dist/jt-users.min.js';
const HOST_PAGE = '/test/reliability/admin-host.html';
const SECOND_ADMIN_TOKEN = 'second-admin';

/** What a row shows. */
interface RowView {
  id: string;
  role: string;
  status: 'active' | 'inactive';
}

/** A `jt-user-status-changed` event as the host page recorded it: the server's answer. */
interface Confirmation {
  id: string;
  status: string;
  at: string | null;
  by: string | undefined;
}

/** The globals of admin-host.html. */
interface HostWindow {
  jt: { en: Record<string, unknown> };
  confirmed: Confirmation[];
  refused: Array<{ code: string; op: string }>;
  act(id: string): Promise<'changed' | 'error' | 'skipped'>;
  prepare(id: string): Promise<boolean>;
  confirmOpen(): Promise<'changed' | 'error'>;
}

/** A seeded sequence (mulberry32): the same seed gives the same interleaving on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: ReferenceServer;
let site: StaticServer;
let browser: Browser;
const pages: Page[] = [];

/** The seed's other active Admin, signed in with {@link SECOND_ADMIN_TOKEN}. */
function secondAdmin(): User {
  const admin = server.api.store
    .all()
    .find((user) => user.role === 'admin' && user.status === 'active' && user.id !== demoUserIds.admin);
  assert.ok(admin, 'the seed has a second active Admin');
  return admin;
}

/** An Admin's screen: a window with the host page, its table loaded. */
async function openScreen(token: string): Promise<Page> {
  const page = await browser.newPage({ type: 'window' });
  pages.push(page);
  page.on('pageerror', (error) => assert.fail(`page error: ${String(error)}`));
  const query = new URLSearchParams({ api: server.url, token });
  await page.goto(`${site.url}${HOST_PAGE}?${query}`);
  await waitForRows(page);
  return page;
}

async function waitForRows(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.querySelector('jt-user-table')?.shadowRoot?.querySelector('[part~="row"]'),
  );
}

/** Every row the screen shows. */
function rowsOf(page: Page): Promise<RowView[]> {
  return page.evaluate(() =>
    [
      ...document
        .querySelector('jt-user-table')!
        .shadowRoot!.querySelectorAll<HTMLTableRowElement>('[part~="row"]'),
    ].map((row) => ({
      id: row.dataset.userId!,
      role: row.cells[2]!.textContent,
      status: row.querySelector('[part~="status-badge"]')!.part.contains('inactive')
        ? ('inactive' as const)
        : ('active' as const),
    })),
  );
}

/** What the server holds for the users of `rows`, in the same shape. */
function serverView(rows: RowView[]): RowView[] {
  return rows.map(({ id, role }) => ({ id, role, status: server.api.store.get(id)!.status }));
}

before(async () => {
  await access(BUNDLE).catch(() => {
    throw new Error(`${BUNDLE} is missing: run \`npm run build\` before this suite`);
  });
  server = await startReferenceServer({ port: 0 });
  site = await serveStatic('.');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
});

beforeEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
  server.api.reset();
  server.api.tokens.set(SECOND_ADMIN_TOKEN, secondAdmin().id);
});

after(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

describe('concurrent admins', () => {
  test(`${CONCURRENT_CHANGES} interleaved status changes by two Admins: none lost, both screens equal the server after a reload`, async () => {
    const screens = await Promise.all([openScreen(demoTokens.admin), openScreen(SECOND_ADMIN_TOKEN)]);
    // Both act on the same users: every one on the first page who is not an Admin (deactivating
    // an Admin would end a session half-way; that race has its own test below).
    const targets = (await rowsOf(screens[0])).filter((row) => row.role !== 'Admin').map((row) => row.id);
    assert.ok(targets.length >= 4, 'enough users to contend on');

    const outcomes = await Promise.all(
      screens.map(async (page, index) => {
        const next = random(INTERLEAVING_SEED + index);
        const seen: string[] = [];
        for (let change = 0; change < CONCURRENT_CHANGES / screens.length; change++) {
          // Now and then a screen reloads its list and so sees what the other Admin did.
          if (next() < 0.1) await page.evaluate(() => document.querySelector('jt-user-table')!.reload());
          const id = targets[Math.floor(next() * targets.length)]!;
          seen.push(await page.evaluate((target) => (window as unknown as HostWindow).act(target), id));
        }
        return seen;
      }),
    );
    for (const seen of outcomes)
      assert.deepEqual(new Set(seen), new Set(['changed']), 'every change was confirmed');

    const confirmed = await Promise.all(
      screens.map((page) => page.evaluate(() => (window as unknown as HostWindow).confirmed)),
    );
    assert.equal(confirmed.flat().length, CONCURRENT_CHANGES);

    // Every change the server recorded was confirmed on the screen of the Admin who made it, and
    // every confirmation is a state the server really had (a change, or the seed's state when a
    // screen set a status the user already had): no lost, no phantom changes.
    const key = (id: string, status: string, at: string | null, by: string | undefined) =>
      `${id} ${status} ${at} ${by}`;
    const changes = server.api.store.changes.filter((change) => change.field === 'status');
    const confirmedKeys = new Set(confirmed.flat().map((c) => key(c.id, c.status, c.at, c.by)));
    for (const change of changes) {
      assert.ok(
        confirmedKeys.has(key(change.userId, change.to, change.at, change.by)),
        `unconfirmed change ${JSON.stringify(change)}`,
      );
    }
    const serverStates = new Set(
      changes.map((change) => key(change.userId, change.to, change.at, change.by)),
    );
    for (const seed of createSeedUsers().filter((user) => targets.includes(user.id))) {
      serverStates.add(key(seed.id, seed.status, seed.statusChangedAt, seed.statusChangedBy?.id));
    }
    for (const confirmation of confirmed.flat()) {
      const { id, status, at, by } = confirmation;
      assert.ok(
        serverStates.has(key(id, status, at, by)),
        `confirmed a state the server never had: ${JSON.stringify(confirmation)}`,
      );
    }
    assert.ok(
      changes.length > CONCURRENT_CHANGES / 4,
      `only ${changes.length} real changes: the screens barely contended`,
    );

    // Each screen went stale while the other changed users; reloaded, both show the server's state.
    for (const page of screens) {
      await page.reload();
      await waitForRows(page);
      const rows = await rowsOf(page);
      assert.deepEqual(rows, serverView(rows));
    }
  });

  test(`the two last Admins deactivating each other at once: one remains, the other is told why (${MUTUAL_DEACTIVATION_ROUNDS} rounds)`, async () => {
    for (let round = 0; round < MUTUAL_DEACTIVATION_ROUNDS; round++) {
      await Promise.all(pages.splice(0).map((page) => page.close()));
      server.api.reset();
      const first = server.api.store.get(demoUserIds.admin)!;
      const second = secondAdmin();
      server.api.tokens.set(SECOND_ADMIN_TOKEN, second.id);
      // Exactly two active Admins: any other one in the seed steps down first.
      for (const user of server.api.store.all()) {
        if (user.role === 'admin' && user.id !== first.id && user.id !== second.id) {
          server.api.store.upsert({ ...user, role: 'manager' });
        }
      }
      assert.equal(server.api.store.activeAdminCount(), 2);

      const screens = await Promise.all([openScreen(demoTokens.admin), openScreen(SECOND_ADMIN_TOKEN)]);
      const others = [second, first];
      await Promise.all(
        screens.map(async (page, index) => {
          // Each screen searches for the other Admin, so the row is on screen whatever the page size.
          await page.evaluate(
            (name) => (document.querySelector('jt-user-table')!.search = name),
            others[index]!.name,
          );
          await page.waitForFunction(
            (id) =>
              document.querySelector('jt-user-table')!.shadowRoot!.querySelector(`[data-user-id="${id}"]`),
            {},
            others[index]!.id,
          );
          assert.equal(
            await page.evaluate((id) => (window as unknown as HostWindow).prepare(id), others[index]!.id),
            true,
          );
        }),
      );
      // Both dialogs are open: both Admins confirm at the same moment.
      const outcomes = await Promise.all(
        screens.map((page) => page.evaluate(() => (window as unknown as HostWindow).confirmOpen())),
      );

      assert.deepEqual(
        [...outcomes].sort(),
        ['changed', 'error'],
        `round ${round}: exactly one deactivation goes through`,
      );
      assert.equal(server.api.store.activeAdminCount(), 1, `round ${round}: one active Admin remains`);
      const loser = screens[outcomes.indexOf('error')]!;
      const loserOther = others[outcomes.indexOf('error')]!;
      const { refused, expected, shown } = await loser.evaluate((id) => {
        const host = window as unknown as HostWindow;
        const code = host.refused[0]?.code;
        const strings = host.jt.en;
        const message = code === 'last_admin' ? strings.errorLastAdmin : strings.errorUnauthenticated;
        const row = document
          .querySelector('jt-user-table')!
          .shadowRoot!.querySelector(`[data-user-id="${id}"]`)!;
        return {
          refused: host.refused,
          expected: message,
          shown: row.querySelector('[part~="message"]')?.textContent,
        };
      }, loserOther.id);
      // The loser's request either found its own session ended (the other was first) or, when both
      // passed sign-in together, hit the last-Admin rule; either way the screen says which.
      assert.equal(refused.length, 1);
      assert.ok(
        ['unauthenticated', 'last_admin'].includes(refused[0]!.code),
        `refused with ${refused[0]!.code}`,
      );
      assert.equal(shown, expected);
      const winner = screens[outcomes.indexOf('changed')]!;
      const winnerOther = others[outcomes.indexOf('changed')]!;
      const winnerRow = (await rowsOf(winner)).find((row) => row.id === winnerOther.id);
      assert.equal(winnerRow?.status, 'inactive', 'the winner sees the other Admin deactivated');
    }
  });
});
