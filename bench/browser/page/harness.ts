/**
 * The benchmark page: every element defined, the reference API in the page, and `window.jtBench`
 * (see ../protocol.ts) for the Node side to drive one measured step at a time.
 */
import '@jt-users/elements/define';
import type { JtConfirmDialog, JtUserProfile, JtUserStatusToggle, JtUserTable } from '@jt-users/elements';
import { demoUserIds } from '@jt-users/reference-api';
import type { User } from '@jt-users/sdk/schemas';
import type { BenchPage, ElementKind, InsertTiming, RowsTiming } from '../protocol.js';
import { createInPageApi, type InPageApi } from './in-page-api.js';
import { countFrames, nextPaint, watchRows, whenDom } from './observe.js';

let inPage: InPageApi | undefined;
/** Tables on the page, oldest first; the last one is the one steps act on. */
const tables: JtUserTable[] = [];
let profile: JtUserProfile | undefined;

function api(): InPageApi {
  if (!inPage) throw new Error('Call setup() first.');
  return inPage;
}

function shadowOf(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root yet.`);
  return element.shadowRoot;
}

function currentTable(): JtUserTable {
  const table = tables.at(-1);
  if (!table) throw new Error('Insert a table first.');
  return table;
}

function find<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}.`);
  return found;
}

function rowIds(element: JtUserTable): string[] {
  return [...shadowOf(element).querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].map(
    (row) => row.dataset.userId ?? '',
  );
}

/**
 * Times the Lit updates of `element` (render and DOM changes) until `stop()`, which returns their
 * total, by wrapping the instance's `update` for that while.
 */
function timeUpdates(element: JtUserTable): { stop(): number } {
  const instance = element as unknown as { update: (this: JtUserTable, changed: unknown) => void };
  const update = instance.update;
  let total = 0;
  instance.update = function (this: JtUserTable, changed: unknown) {
    const started = performance.now();
    try {
      update.call(this, changed);
    } finally {
      total += performance.now() - started;
    }
  };
  return {
    stop() {
      // The prototype's own method shows through again.
      delete (instance as { update?: unknown }).update;
      return total;
    },
  };
}

/** The demo accounts, the signed-in Admin among them: never the target of a measured change. */
const DEMO_IDS: ReadonlySet<string> = new Set(Object.values(demoUserIds));

/** A user any Admin may deactivate: not a demo account, not an Admin. */
function changeableUser(users: readonly User[]): User {
  const user = users.find((candidate) => !DEMO_IDS.has(candidate.id) && candidate.role !== 'admin');
  if (!user) throw new Error('No changeable user.');
  return user;
}

/**
 * Resolves once the table shows the answer of a list request sent after `start`: the table
 * renders `aria-busy="false"` only together with a completed page (rows, or the empty notice).
 */
function whenPageShown(element: JtUserTable, start: number): Promise<number> {
  const root = shadowOf(element);
  return whenDom(
    root,
    () =>
      api().listAnsweredAt > start &&
      root.querySelector('table[aria-busy="false"], [part~="empty"][aria-busy="false"]') !== null,
  );
}

async function timeRows(element: JtUserTable, start: number): Promise<RowsTiming> {
  const dom = await whenPageShown(element, start);
  const paint = await nextPaint();
  return {
    domMs: dom - start,
    paintMs: paint - start,
    afterDataMs: paint - api().listAnsweredAt,
    serverMs: api().takeServerMs(),
  };
}

function clear(): void {
  for (const element of document.querySelectorAll('body > *:not(script)')) element.remove();
  tables.length = 0;
  profile = undefined;
}

/** Resolves when a freshly inserted element of `kind` shows its data. */
function whenReady(kind: ElementKind, element: HTMLElement, start: number): Promise<unknown> {
  switch (kind) {
    case 'jt-user-table':
      return whenPageShown(element as JtUserTable, start);
    case 'jt-user-profile':
      return whenDom(
        shadowOf(element),
        () => shadowOf(element).querySelector('[part~="status-badge"]') !== null,
      );
    case 'jt-user-status-toggle':
      return whenDom(shadowOf(element), () => shadowOf(element).querySelector('[part~="switch"]') !== null);
    case 'jt-confirm-dialog':
      return (element as JtConfirmDialog).updateComplete;
  }
}

function create(kind: ElementKind, target: User): HTMLElement {
  const { client } = api();
  switch (kind) {
    case 'jt-user-table': {
      const element = document.createElement(kind);
      element.client = client;
      return element;
    }
    case 'jt-user-profile':
    case 'jt-user-status-toggle': {
      const element: JtUserProfile | JtUserStatusToggle = document.createElement(kind);
      element.client = client;
      element.userId = target.id;
      return element;
    }
    case 'jt-confirm-dialog': {
      const element = document.createElement(kind);
      element.heading = 'Deactivate?';
      element.message = 'They can no longer sign in.';
      return element;
    }
  }
}

const bench: BenchPage = {
  setup({ seedSize, latencyMs }) {
    clear();
    // Lets requests still held by the previous API's latency finish now, not mid-measurement.
    inPage?.api.reset();
    const started = performance.now();
    inPage = createInPageApi(seedSize, latencyMs);
    return { seedMs: performance.now() - started };
  },

  setLatency(ms) {
    api().api.faults.latencyMs = ms;
  },

  async insertTable(pageSize): Promise<InsertTiming> {
    const element = document.createElement('jt-user-table');
    element.pageSize = pageSize;
    element.client = api().client;
    api().takeServerMs();
    const start = performance.now();
    document.body.append(element);
    tables.push(element);
    const root = shadowOf(element);
    const firstPaint = whenDom(root, () => root.querySelector('tbody tr') !== null).then(nextPaint);
    const whole = await timeRows(element, start);
    const first = await firstPaint;
    return { ...whole, firstPaintMs: first - start, firstAfterDataMs: first - api().listAnsweredAt };
  },

  removeTable() {
    tables.pop()?.remove();
  },

  clear,

  async insertProfile() {
    const element = document.createElement('jt-user-profile');
    element.client = api().client;
    // A user in the table's rows, so both elements show the change.
    const shown = currentTable();
    const users = rowIds(shown).flatMap((id) => shown.store?.get(id) ?? []);
    element.userId = changeableUser(users).id;
    document.body.append(element);
    profile = element;
    await whenReady('jt-user-profile', element, performance.now());
  },

  async confirmChange() {
    const shown = currentTable();
    if (!profile?.userId) throw new Error('Insert a profile first.');
    const id = profile.userId;
    const user = shown.store?.get(id);
    if (!user) throw new Error(`User ${id} is not in the store.`);
    const next = user.status === 'active' ? 'inactive' : 'active';
    const tableRoot = shadowOf(shown);
    const profileRoot = shadowOf(profile);

    find<HTMLButtonElement>(
      tableRoot,
      `tr[data-user-id="${CSS.escape(id)}"] [part~="action-button"]`,
    ).click();
    const dialog = find<JtConfirmDialog>(tableRoot, 'jt-confirm-dialog');
    const dialogRoot = shadowOf(dialog);
    await whenDom(dialogRoot, () => dialogRoot.querySelector('dialog')?.open === true);
    const confirm = find<HTMLButtonElement>(dialogRoot, '[part~="confirm-button"]');

    const frames = countFrames();
    const start = performance.now();
    confirm.click();
    const [inTable, inProfile] = await Promise.all([
      whenDom(
        tableRoot,
        () =>
          tableRoot.querySelector(
            `tr[data-user-id="${CSS.escape(id)}"] [part~="status-badge"][part~="${next}"]`,
          ) !== null,
      ),
      whenDom(
        profileRoot,
        () => profileRoot.querySelector(`[part~="status-badge"][part~="${next}"]`) !== null,
      ),
    ]);
    // Frames that began before both showed it did not show it; the next one does.
    const frame = frames.stop() + 1;
    const paint = await nextPaint();
    return { domMs: Math.max(inTable, inProfile) - start, paintMs: paint - start, frame };
  },

  async settle() {
    const store = currentTable().store;
    const id = profile?.userId;
    while (store && id && store.isPending(id)) await new Promise((resolve) => setTimeout(resolve, 5));
  },

  async changeStatus(index) {
    const shown = currentTable();
    const store = shown.store;
    const id = rowIds(shown).filter((rowId) => !DEMO_IDS.has(rowId))[index];
    const user = id === undefined ? undefined : store?.get(id);
    if (!store || !user) throw new Error(`No row ${index}.`);
    const watcher = watchRows(shadowOf(shown));
    const updates = timeUpdates(shown);
    const start = performance.now();
    // The answer is not awaited: the measured part is what happens before any server answers.
    store.setStatus(user.id, user.status === 'active' ? 'inactive' : 'active').catch(() => undefined);
    const sent = performance.now();
    await shown.updateComplete;
    const end = performance.now();
    return {
      totalMs: end - start,
      storeMs: sent - start,
      followUpMs: end - sent,
      updateMs: updates.stop(),
      rowsTouched: watcher.stop(),
    };
  },

  async typeSearch(text) {
    const shown = currentTable();
    const input = find<HTMLInputElement>(shadowOf(shown), 'input[part~="search"]');
    const times: number[] = [];
    for (const character of text) {
      const start = performance.now();
      input.value += character;
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }),
      );
      await shown.updateComplete;
      times.push(performance.now() - start);
    }
    return times;
  },

  submitSearch() {
    const shown = currentTable();
    const input = find<HTMLInputElement>(shadowOf(shown), 'input[part~="search"]');
    api().takeServerMs();
    const start = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    return timeRows(shown, start);
  },

  filterStatus(status) {
    const shown = currentTable();
    const select = find<HTMLSelectElement>(shadowOf(shown), 'select[part~="filter"]');
    api().takeServerMs();
    const start = performance.now();
    select.value = status;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return timeRows(shown, start);
  },

  clearSearch() {
    const shown = currentTable();
    const input = find<HTMLInputElement>(shadowOf(shown), 'input[part~="search"]');
    api().takeServerMs();
    const start = performance.now();
    input.value = '';
    input.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContent' }),
    );
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    return timeRows(shown, start);
  },

  nextPage() {
    const shown = currentTable();
    const next = find<HTMLButtonElement>(shadowOf(shown), '[part~="next-button"]');
    api().takeServerMs();
    const start = performance.now();
    next.click();
    return timeRows(shown, start);
  },

  async cycle(kind, cycles) {
    const target = changeableUser(api().api.store.all());
    const started = performance.now();
    for (let index = 0; index < cycles; index++) {
      const element = create(kind, target);
      const start = performance.now();
      document.body.append(element);
      await whenReady(kind, element, start);
      element.remove();
    }
    return { cycles, msPerCycle: (performance.now() - started) / cycles };
  },
};

window.jtBench = bench;
