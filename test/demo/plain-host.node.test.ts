/**
 * The demo as people use it: `startDemoServer` (what `npm start` runs) serves the plain host
 * page, which talks HTTP to the reference API in this process; headless Chromium drives it.
 * The seed's two paths (the table's Action icon, the profile's Extra Settings switch), each
 * through the confirm modal, the data living on the server, and the demo's own switches.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type AxeCore from 'axe-core';
import { after, before, beforeEach, describe, test } from 'node:test';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { demoUserIds } from '@jt-users/reference-api/node';
import type { User } from '@jt-users/sdk/schemas';
import { chromiumArgs } from '../../web-test-runner.config.mjs';
import { startDemoServer, type DemoServer } from '../../demo/demo-server.js';

/** Generous: the first page load has Vite prepare the dependencies, and the machine is shared. */
const PATIENCE = { timeout: 30_000 } as const;

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let demo: DemoServer;
let browser: Browser;
let context: BrowserContext | undefined;

before(async () => {
  demo = await startDemoServer({ port: 0, latencyMs: 0, logLevel: 'error' });
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
});

beforeEach(async () => {
  // A new session each time: the language chosen in one test is not stored for the next.
  await context?.close();
  context = await browser.createBrowserContext();
  demo.api.api.reset();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** What each open page threw; {@link close} fails the test when it is not nothing. */
const pageErrors = new WeakMap<Page, string[]>();

/** The demo at `path` (e.g. `?as=manager`). */
async function open(path = ''): Promise<Page> {
  const page = await context!.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(new URL(path, demo.url).href);
  return page;
}

/** Closes `page`, failing the test if the page threw meanwhile. */
async function close(page: Page): Promise<void> {
  await page.close();
  assert.deepEqual(pageErrors.get(page), [], 'the page threw');
}

/** Waits until the newest entry of the event log is a `type` event (e.g. `jt-user-status-changed`). */
async function loggedLast(page: Page, type: string): Promise<void> {
  await page.waitForFunction(
    (name) => document.querySelector('#event-log li code')?.textContent === name,
    PATIENCE,
    type,
  );
}

/** Waits for the table's explanation to someone who is not an Admin. */
async function waitForAccessDenied(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('jt-user-table')?.shadowRoot?.querySelector('[part~="access-denied"]'),
    PATIENCE,
  );
}

async function waitForRows(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('jt-user-table')?.shadowRoot?.querySelector('[part~="row"]') &&
      !document.querySelector('jt-user-table')!.shadowRoot!.querySelector('[aria-busy="true"]'),
    PATIENCE,
  );
}

/** The ids of the table's rows, top to bottom. */
function rowIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document
        .querySelector('jt-user-table')!
        .shadowRoot!.querySelectorAll<HTMLTableRowElement>('[part~="row"]'),
    ].map((row) => row.dataset.userId!),
  );
}

/** An active Member the table shows who is none of the demo accounts: safe to deactivate. */
async function listedMember(page: Page): Promise<User> {
  const demoIds = new Set<string>(Object.values(demoUserIds));
  const user = (await rowIds(page))
    .map((id) => demo.api.api.store.get(id))
    .find((each) => each?.role === 'member' && each.status === 'active' && !demoIds.has(each.id));
  assert.ok(user, 'the first page shows an active member besides the demo accounts');
  return user;
}

/** The demo's table, loaded, and an active Member it lists. */
async function tableWithMember(): Promise<{ page: Page; user: User }> {
  const page = await open();
  await waitForRows(page);
  return { page, user: await listedMember(page) };
}

/** The status badge's text in `id`'s row. */
function badge(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(
    (userId) =>
      document
        .querySelector('jt-user-table')!
        .shadowRoot!.querySelector(`[data-user-id="${userId}"] [part~="status-badge"]`)
        ?.textContent?.trim(),
    id,
  );
}

/** The button with that part (`confirm-button`, `cancel-button`) of whichever confirm dialog is open, once one is. */
async function dialogButton(page: Page, part: string): Promise<ElementHandle<Element>> {
  const found = await page.waitForFunction(
    (name) => {
      const roots: ParentNode[] = [document];
      for (const root of roots) {
        for (const node of root.querySelectorAll('*')) if (node.shadowRoot) roots.push(node.shadowRoot);
        const dialog = root.querySelector<HTMLElementTagNameMap['jt-confirm-dialog']>('jt-confirm-dialog');
        if (dialog?.isOpen) return dialog.shadowRoot!.querySelector(`[part~="${name}"]`);
      }
      return null;
    },
    PATIENCE,
    part,
  );
  const button = found.asElement() as ElementHandle<Element> | null;
  assert.ok(button, `the open dialog has no ${part}`);
  return button;
}

async function confirmInDialog(page: Page): Promise<void> {
  await (await dialogButton(page, 'confirm-button')).click();
}

/** What axe finds wrong with the page as it is now, shadow roots included: one line per rule. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof AxeCore };
    const { violations } = await axe.run(document);
    return violations.map(
      (rule) => `${rule.id}: ${rule.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
    );
  });
}

/** Clicks the control with that part in `id`'s row of the table. */
async function clickInRow(page: Page, id: string, part: string): Promise<void> {
  await page.evaluate(
    (userId, name) => {
      const table = document.querySelector('jt-user-table')!;
      table.shadowRoot!.querySelector<HTMLElement>(`[data-user-id="${userId}"] [part~="${name}"]`)!.click();
    },
    id,
    part,
  );
}

/** The profile's status switch, once it is there. */
async function profileSwitch(page: Page): Promise<ElementHandle<Element>> {
  const found = await page.waitForFunction(
    () =>
      document
        .querySelector('jt-user-profile')
        ?.shadowRoot?.querySelector('jt-user-status-toggle')
        ?.shadowRoot?.querySelector('[role="switch"]'),
    PATIENCE,
  );
  const element = found.asElement() as ElementHandle<Element> | null;
  assert.ok(element, 'the profile shows no switch');
  return element;
}

describe('the demo host page, over HTTP', () => {
  test('deactivates a user from the Action icon and the confirm modal; the server keeps it', async () => {
    const { page, user } = await tableWithMember();
    assert.equal(await badge(page, user.id), 'Active');

    await clickInRow(page, user.id, 'action-button');
    await confirmInDialog(page);
    await loggedLast(page, 'jt-user-status-changed');
    assert.equal(await badge(page, user.id), 'Inactive');
    assert.equal(demo.api.api.store.get(user.id)?.status, 'inactive');

    // The data lives in the API process: a reload shows the change.
    await page.reload();
    await waitForRows(page);
    assert.equal(await badge(page, user.id), 'Inactive');
    await close(page);
  });

  test("activates a user again from their profile's Extra Settings switch", async () => {
    const { page, user } = await tableWithMember();
    demo.api.api.store.upsert({ ...user, status: 'inactive' });

    await clickInRow(page, user.id, 'name-link');
    assert.equal(new URL(page.url()).hash, `#/users/${user.id}`);
    // The table's copy says active until the profile's own read arrives.
    const switchChecked = (checked: string) =>
      page.waitForFunction(
        (value) =>
          document
            .querySelector('jt-user-profile')
            ?.shadowRoot?.querySelector('jt-user-status-toggle')
            ?.shadowRoot?.querySelector(`[role="switch"][aria-checked="${value}"]`),
        PATIENCE,
        checked,
      );
    await switchChecked('false');

    await (await profileSwitch(page)).click();
    await confirmInDialog(page);
    await loggedLast(page, 'jt-user-status-changed');
    await switchChecked('true');
    assert.equal(demo.api.api.store.get(user.id)?.status, 'active');

    await page.click('.back-link');
    await waitForRows(page);
    assert.equal(await badge(page, user.id), 'Active');
    await close(page);
  });

  test('keeps the search on screen when the language changes', async () => {
    const { page, user } = await tableWithMember();
    await page.evaluate((term) => {
      const search = document.querySelector('jt-user-table')!.shadowRoot!.querySelector('input')!;
      search.value = term;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }, user.email);
    await page.waitForFunction(
      (id) => {
        const rows = document.querySelector('jt-user-table')!.shadowRoot!.querySelectorAll('[part~="row"]');
        return rows.length === 1 && (rows[0] as HTMLElement).dataset.userId === id;
      },
      PATIENCE,
      user.id,
    );

    await page.select('select[name="lang"]', 'de');
    await page.waitForFunction(
      () =>
        document
          .querySelector('jt-user-table')!
          .shadowRoot!.querySelector('[part~="search-label"]')
          ?.textContent?.trim() !== 'Search',
      PATIENCE,
    );
    assert.equal(await page.$eval('h1', (heading) => heading.textContent), 'Benutzerverwaltung');
    assert.equal(await page.title(), 'Benutzerverwaltung — jt-users demo');
    const search = await page.evaluate(
      () => document.querySelector('jt-user-table')!.shadowRoot!.querySelector('input')!.value,
    );
    assert.equal(search, user.email);
    assert.deepEqual(await rowIds(page), [user.id]);
    await close(page);
  });

  test("axe finds nothing: the table, its confirm dialog, a profile, German and dark, a Manager's view", async () => {
    const { page, user } = await tableWithMember();
    assert.deepEqual(await axeViolations(page), [], 'the table');

    await clickInRow(page, user.id, 'action-button');
    const cancel = await dialogButton(page, 'cancel-button');
    assert.deepEqual(await axeViolations(page), [], 'the confirm dialog');
    await cancel.click();

    await page.goto(new URL(`#/users/${user.id}`, demo.url).href);
    await profileSwitch(page);
    assert.deepEqual(await axeViolations(page), [], 'a profile');

    await page.select('select[name="lang"]', 'de');
    await page.select('select[name="theme"]', 'dark');
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.theme === 'dark' &&
        document.querySelector('jt-user-profile')!.shadowRoot!.querySelector('h2')?.textContent?.trim() !==
          'Profile',
      PATIENCE,
    );
    assert.deepEqual(await axeViolations(page), [], 'a profile in German, dark');
    await close(page);

    const manager = await open('?as=manager');
    await waitForAccessDenied(manager);
    assert.deepEqual(await axeViolations(manager), [], "a Manager's view");
    await close(manager);
  });

  test('signed in as a Manager, explains instead of listing users; every link keeps who is signed in', async () => {
    const page = await open('?as=manager');
    await waitForAccessDenied(page);
    assert.equal(await page.$eval('select[name="as"]', (select) => select.value), 'manager');
    assert.deepEqual(await rowIds(page), []);
    const links = await page.$$eval('.top-bar a:not([href^="#"])', (anchors) => anchors.map((a) => a.search));
    assert.deepEqual(links, ['?as=manager', '?as=manager']);

    // The framework hosts link back to the plain one by their brand too.
    await page.goto(new URL('react/?as=manager', demo.url).href);
    const brand = await page.$eval('.top-bar .brand', (anchor) => (anchor as HTMLAnchorElement).search);
    assert.equal(brand, '?as=manager');
    await close(page);
  });

  test('an Admin who made themself a Manager gets back in with "Reset demo data"', async () => {
    const admin = demo.api.api.store.get(demoUserIds.admin)!;
    demo.api.api.store.setRole({ id: admin.id, name: admin.name }, admin.id, 'manager');
    const page = await open();
    await waitForAccessDenied(page);

    const reloaded = page.waitForNavigation();
    await page.click('.settings .reset button');
    await reloaded;
    await waitForRows(page);
    assert.equal(demo.api.api.store.get(admin.id)?.role, 'admin');
    assert.deepEqual(await axeViolations(page), []);
    await close(page);
  });
});
