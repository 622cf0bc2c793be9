import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@jt-users/elements/define';
import {
  en,
  de,
  type JtErrorEvent,
  type JtUserStatusToggle,
  type JtUserTable,
  isolate,
  UsersStore,
} from '@jt-users/elements';
import { createUsersClient, MAX_PAGE_SIZE, type UsersClient } from '@jt-users/sdk';
import type { User, UserPage, UserQuery } from '@jt-users/sdk/schemas';
import {
  createReferenceApi,
  demoTokens,
  demoUserIds,
  DROP,
  type ReferenceApi,
} from '@jt-users/reference-api/browser';
import {
  deepActiveElement,
  eventually,
  liveRegionText,
  part,
  referenceApi,
  shadow,
  someMember,
} from './support.js';

// ---- helpers ------------------------------------------------------------------------------------

interface SentRequest {
  method: string;
  /** From `/v1/` on, e.g. `/v1/users`. */
  path: string;
  params: URLSearchParams;
}

/**
 * A client that records every request with its query, and can hold back writes or lists: while
 * held, such a request waits before it reaches the API, so a test can look at the screen "before
 * the server answered" without depending on how fast anything runs.
 */
function trackingClient(token: string = demoTokens.admin) {
  const requests: SentRequest[] = [];
  const gates: { write?: Promise<void>; list?: Promise<void> } = {};
  const isList = (request: SentRequest) => request.method === 'GET' && request.path === '/v1/users';
  const isWrite = (request: SentRequest) => request.method === 'PUT';
  /** Holds every request of that kind until the returned function is called. */
  const hold = (kind: keyof typeof gates) => (): (() => void) => {
    let release!: () => void;
    gates[kind] = new Promise<void>((resolve) => (release = resolve));
    return () => {
      gates[kind] = undefined;
      release();
    };
  };
  const client = createUsersClient({
    baseUrl: '/api',
    getToken: () => token,
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const sent = {
        method: request.method,
        path: url.pathname.replace(/^\/api/, ''),
        params: url.searchParams,
      };
      requests.push(sent);
      if (isWrite(sent)) await gates.write;
      if (isList(sent)) await gates.list;
      return fetch(request);
    },
  });
  return {
    client,
    requests,
    listRequests: () => requests.filter(isList),
    writes: () => requests.filter(isWrite),
    holdWrites: hold('write'),
    holdLists: hold('list'),
  };
}

interface TableOptions {
  pageSize?: number;
  search?: string;
  profileHref?: string;
}

async function renderTable(client: UsersClient, options: TableOptions = {}): Promise<JtUserTable> {
  return fixture<JtUserTable>(
    html`<jt-user-table
      .client=${client}
      .search=${options.search ?? ''}
      page-size=${options.pageSize ?? 50}
      profile-href=${options.profileHref ?? ''}
    ></jt-user-table>`,
  );
}

/**
 * An Admin's client of `api`, answered in the page itself: no worker, no network. `alter`, if
 * given, may replace each answer before the client reads it (a server that says something odd).
 */
function inPageClient(
  api: ReferenceApi,
  alter?: (request: Request, answer: Response) => Response | Promise<Response>,
): UsersClient {
  return createUsersClient({
    baseUrl: '/api',
    getToken: () => demoTokens.admin,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const answer = await api.handle(request);
      if (answer === DROP) throw new TypeError('Failed to fetch');
      return alter ? alter(request, answer) : answer;
    },
  });
}

/** The width of each column, left to right, as its header cell has it. */
function columnWidths(el: JtUserTable): number[] {
  return [...shadow(el).querySelectorAll('thead th')].map((cell) => cell.getBoundingClientRect().width);
}

function rows(el: JtUserTable): HTMLTableRowElement[] {
  return [...shadow(el).querySelectorAll<HTMLTableRowElement>('[part~="row"]')];
}

function rowIds(el: JtUserTable): string[] {
  return rows(el).map((row) => row.dataset.userId ?? '');
}

function row(el: JtUserTable, id: string): HTMLTableRowElement {
  return part<HTMLTableRowElement>(el, `[part~="row"][data-user-id="${id}"]`);
}

function inRow<T extends Element = HTMLElement>(el: JtUserTable, id: string, selector: string): T | null {
  return row(el, id).querySelector<T>(selector);
}

function badge(el: JtUserTable, id: string): string {
  return inRow(el, id, '[part~="status-badge"]')?.textContent?.trim() ?? '';
}

function actionButton(el: JtUserTable, id: string): HTMLButtonElement {
  const button = inRow<HTMLButtonElement>(el, id, '[part~="action-button"]');
  if (!button) throw new Error(`no action button in the row of ${id}`);
  return button;
}

function dialogOf(el: JtUserTable): HTMLElementTagNameMap['jt-confirm-dialog'] {
  return part<HTMLElementTagNameMap['jt-confirm-dialog']>(el, 'jt-confirm-dialog');
}

/** `oneEvent`, typed by the event's name. */
function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent<GlobalEventHandlersEventMap[K]>(target, name);
}

function dialogPart(el: JtUserTable, name: string): HTMLElement {
  const found = shadow(dialogOf(el)).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`the dialog has no part ${name}`);
  return found;
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until the table shows rows and no request is running. */
async function loaded(el: JtUserTable): Promise<void> {
  await waitUntil(
    () =>
      !el.shadowRoot?.querySelector('[aria-busy="true"]') &&
      el.shadowRoot?.querySelector('[part~="row"], [part~="notice"]'),
    'table loaded',
  );
  await el.updateComplete;
}

/** Waits until a new list request has been answered and rendered. */
async function reloaded(el: JtUserTable, listRequests: () => SentRequest[], before: number): Promise<void> {
  await waitUntil(() => listRequests().length > before, 'a new list request');
  await loaded(el);
}

/**
 * Records, at every change of the table's DOM that leaves rows on screen, how many rows there are,
 * where the last one ends, the widths of the columns and the table's `aria-busy`, until `stop()`.
 */
function watchRowStates(el: JtUserTable) {
  const root = el.shadowRoot!;
  const states: Array<{
    rows: number;
    busy: string | null | undefined;
    opacity: string;
    bottom: number;
    widths: number[];
  }> = [];
  const record = () => {
    const shown = rows(el);
    if (shown.length === 0) return;
    states.push({
      rows: shown.length,
      busy: root.querySelector('table')?.getAttribute('aria-busy'),
      opacity: getComputedStyle(shown[0]!.parentElement!).opacity,
      bottom: shown.at(-1)!.getBoundingClientRect().bottom,
      widths: columnWidths(el),
    });
  };
  const observer = new MutationObserver(record);
  observer.observe(root, { subtree: true, childList: true, attributes: true });
  return {
    states,
    stop() {
      if (observer.takeRecords().length > 0) record();
      observer.disconnect();
      return states;
    },
  };
}

/** What the server itself answers for a query (first page), for comparing with the screen. */
function serverIds(api: ReferenceApi, query: UserQuery): string[] {
  return api.store.list(query).items.map((user) => user.id);
}

async function openDialogFor(el: JtUserTable, id: string): Promise<void> {
  actionButton(el, id).click();
  await waitUntil(() => dialogOf(el).isOpen, 'dialog open');
}

/** Shows only `user` (searching by the unique email), so tests do not depend on page order. */
async function tableOf(client: UsersClient, user: User, options: TableOptions = {}): Promise<JtUserTable> {
  const el = await renderTable(client, { ...options, search: user.email });
  await loaded(el);
  expect(rowIds(el)).to.deep.equal([user.id]);
  return el;
}

/** Two active members of `api` renamed Abel and Zora `surname`, found by searching for it. */
function twoMembers(api: ReferenceApi, surname: string): [User, User] {
  const demoIds = new Set<string>(Object.values(demoUserIds));
  const [a, b] = api.store
    .all()
    .filter((user) => user.role === 'member' && user.status === 'active' && !demoIds.has(user.id));
  if (!a || !b) throw new Error('The seed has fewer than two active members besides the demo accounts.');
  return [
    api.store.upsert({ ...a, name: `Abel ${surname}` }),
    api.store.upsert({ ...b, name: `Zora ${surname}` }),
  ];
}

/** A loaded table listing just the two members {@link twoMembers} names `surname`. */
async function tableOfTwo(surname: string) {
  const api = await referenceApi();
  const tracking = trackingClient();
  const [abel, zora] = twoMembers(api, surname);
  const el = await renderTable(tracking.client, { search: surname });
  await loaded(el);
  return { api, tracking, abel, zora, el };
}

/** A loaded table over an API with one user easy to find, and how many lists it asked for. */
async function tableToSearch() {
  const api = await referenceApi();
  const { client, listRequests } = trackingClient();
  const target = someMember(api, { name: 'Zebedee Quillfeather' });
  const el = await renderTable(client);
  await loaded(el);
  return { el, target, listRequests, before: listRequests().length };
}

/** Types `term` into `input` from its current value on, one input event per character. */
function typeQuickly(input: HTMLInputElement, term: string): void {
  // Every keystroke in the same task: whatever the machine's speed, this is "faster than the pause".
  for (let length = input.value.length + 1; length <= term.length; length++) {
    input.value = term.slice(0, length);
    input.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, data: term[length - 1] ?? null }),
    );
  }
}

// ---- tests --------------------------------------------------------------------------------------

describe('<jt-user-table>', () => {
  describe('the list', () => {
    it('loads the first page and shows the total', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      await loaded(el);

      const total = api.store.size;
      expect(total).to.be.greaterThan(50);
      expect(rowIds(el)).to.deep.equal(serverIds(api, { sort: 'name', limit: 50 }));
      expect(text(part(el, '[part~="count"]'))).to.equal(`${total} users`);
      expect(text(part(el, '[part~="page-range"]'))).to.equal(`Showing 1–50 of ${total}`);
      const headers = [...shadow(el).querySelectorAll('thead [part~="header"]')].map((th) => text(th));
      expect(headers).to.deep.equal(['Name', 'Email', 'Role', 'Status', 'Last login', 'Action']);
      expect(listRequests()).to.have.length(1);
      expect(listRequests()[0]?.params.get('limit')).to.equal('50');
    });

    it('shows each user as text: name, email, role, status badge and last login', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const member = someMember(api, { lastLoginAt: null });
      const el = await tableOf(client, member);
      const cells = [...row(el, member.id).querySelectorAll('[part~="cell"]')].map((cell) => text(cell));
      expect(cells.slice(0, 5)).to.deep.equal([member.name, member.email, 'Member', 'Active', 'Never']);
      expect(inRow(el, member.id, '[part~="status-badge"]')?.getAttribute('part')).to.equal(
        'status-badge active',
      );
    });

    it('searches on the server once typing pauses, with one request for many keystrokes', async () => {
      const { el, target, listRequests, before } = await tableToSearch();

      const input = part<HTMLInputElement>(el, 'input[type="search"]');
      typeQuickly(input, 'quill');
      // A zero-delay timer set now runs before the debounce's, however slow the machine is.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(listRequests()).to.have.length(before, 'nothing is sent during a short pause');
      typeQuickly(input, 'quillfeather');
      expect(listRequests()).to.have.length(before, 'nothing is sent while typing');

      await reloaded(el, listRequests, before);
      expect(listRequests()).to.have.length(before + 1);
      expect(listRequests().at(-1)?.params.get('search')).to.equal('quillfeather');
      expect(rowIds(el)).to.deep.equal([target.id]);
      expect(text(part(el, '[part~="count"]'))).to.equal('1 user');
      expect(input.value).to.equal('quillfeather');
    });

    it('still searches for what was typed when the table is moved during the pause', async () => {
      const { el, target, listRequests, before } = await tableToSearch();

      typeQuickly(part<HTMLInputElement>(el, 'input[type="search"]'), 'quill');
      // A framework moves the element before the pause is over.
      const elsewhere = document.createElement('div');
      el.parentElement!.append(elsewhere);
      elsewhere.append(el);
      await reloaded(el, listRequests, before);
      expect(el.search).to.equal('quill');
      expect(listRequests().at(-1)?.params.get('search')).to.equal('quill');
      expect(rowIds(el)).to.deep.equal([target.id]);
    });

    it('takes a removed search or page-size attribute as its default', async () => {
      await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      el.setAttribute('search', 'zz-nobody');
      el.setAttribute('page-size', '20');
      await loaded(el);
      const before = listRequests().length;
      el.removeAttribute('search');
      el.removeAttribute('page-size');
      await reloaded(el, listRequests, before);
      const last = listRequests().at(-1)!;
      expect([last.params.get('search'), last.params.get('limit')]).to.deep.equal([null, '50']);
      expect(rows(el)).to.have.length(50);
      expect(part<HTMLInputElement>(el, 'input[type="search"]').value).to.equal('');
    });

    it('cuts a search to the longest the contract takes, in the field and from the host', async () => {
      await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      await loaded(el);
      const limit = part<HTMLInputElement>(el, 'input[type="search"]').maxLength;
      // The field's limit is the contract's: the SDK takes a search that long and no longer.
      await client.listUsers({ search: 'a'.repeat(limit) });
      const refused = await client
        .listUsers({ search: 'a'.repeat(limit + 1) })
        .catch((error: unknown) => error);
      expect(refused).to.have.property('code', 'invalid_argument');

      const before = listRequests().length;
      el.search = `  ${'b'.repeat(limit)}cut off`;
      await reloaded(el, listRequests, before);
      expect(listRequests().at(-1)?.params.get('search')).to.equal('b'.repeat(limit));
      expect(part(el, '[part~="notice"]').textContent?.trim()).to.equal(en.noMatches);
    });

    it('searches at once on Enter', async () => {
      const { el, target, listRequests, before } = await tableToSearch();

      part<HTMLInputElement>(el, 'input[type="search"]').focus();
      await sendKeys({ type: 'zebedee' });
      await sendKeys({ press: 'Enter' });
      await reloaded(el, listRequests, before);
      expect(listRequests().at(-1)?.params.get('search')).to.equal('zebedee');
      expect(rowIds(el)).to.deep.equal([target.id]);
    });

    it('filters by status on the server', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      await loaded(el);
      const before = listRequests().length;

      const select = part<HTMLSelectElement>(el, 'select[part~="filter"]');
      expect([...select.options].map((option) => option.textContent?.trim())).to.deep.equal([
        'All',
        'Active',
        'Inactive',
      ]);
      select.value = 'inactive';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await reloaded(el, listRequests, before);

      const inactive = api.store.all().filter((user) => user.status === 'inactive');
      expect(inactive.length).to.be.greaterThan(0);
      expect(listRequests().at(-1)?.params.get('status')).to.equal('inactive');
      expect(rowIds(el)).to.deep.equal(serverIds(api, { status: 'inactive', sort: 'name', limit: 50 }));
      expect(rows(el).every((r) => text(r.querySelector('[part~="status-badge"]')) === 'Inactive')).to.equal(
        true,
      );
      expect(text(part(el, '[part~="count"]'))).to.equal(`${inactive.length} users`);

      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await reloaded(el, listRequests, before + 1);
      expect(listRequests().at(-1)?.params.has('status')).to.equal(false);

      // The person picks "Active" with the keyboard, then the host sets another filter: the
      // field shows the host's choice.
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await reloaded(el, listRequests, before + 2);
      expect(listRequests().at(-1)?.params.get('status')).to.equal('active');
      el.statusFilter = 'inactive';
      await reloaded(el, listRequests, before + 3);
      expect(listRequests().at(-1)?.params.get('status')).to.equal('inactive');
      expect(select.value).to.equal('inactive');
    });

    it('sorts on the server from the column headers and says how with aria-sort', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      await loaded(el);
      const header = (index: number) => shadow(el).querySelectorAll<HTMLTableCellElement>('thead th')[index]!;
      const sorts = () =>
        [...shadow(el).querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort'));

      expect(sorts()).to.deep.equal(['ascending', 'none', 'none', 'none', 'none', null]);
      expect(listRequests()[0]?.params.get('sort')).to.equal('name');

      let before = listRequests().length;
      header(1).querySelector('button')!.click();
      await reloaded(el, listRequests, before);
      expect(listRequests().at(-1)?.params.get('sort')).to.equal('email');
      expect(sorts()).to.deep.equal(['none', 'ascending', 'none', 'none', 'none', null]);
      expect(rowIds(el)).to.deep.equal(serverIds(api, { sort: 'email', limit: 50 }));

      before = listRequests().length;
      header(1).querySelector('button')!.click();
      await reloaded(el, listRequests, before);
      expect(listRequests().at(-1)?.params.get('sort')).to.equal('-email');
      expect(sorts()).to.deep.equal(['none', 'descending', 'none', 'none', 'none', null]);
      expect(rowIds(el)).to.deep.equal(serverIds(api, { sort: '-email', limit: 50 }));

      before = listRequests().length;
      header(4).querySelector('button')!.click();
      await reloaded(el, listRequests, before);
      expect(listRequests().at(-1)?.params.get('sort')).to.equal('lastLoginAt');
      expect(header(4).getAttribute('aria-sort')).to.equal('ascending');
    });

    it('pages forward and back with cursors, without duplicates or gaps', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client, { pageSize: 25 });
      await loaded(el);
      const total = api.store.size;
      const previous = () => part<HTMLButtonElement>(el, '[part~="previous-button"]');
      const next = () => part<HTMLButtonElement>(el, '[part~="next-button"]');
      const range = () => text(part(el, '[part~="page-range"]'));

      const pages: string[][] = [rowIds(el)];
      expect(previous().getAttribute('aria-disabled')).to.equal('true');
      expect(range()).to.equal(`Showing 1–25 of ${total}`);
      while (next().getAttribute('aria-disabled') === 'false') {
        const before = listRequests().length;
        next().click();
        await reloaded(el, listRequests, before);
        expect(listRequests().at(-1)?.params.get('cursor')).to.be.a('string');
        pages.push(rowIds(el));
      }
      const seen = pages.flat();
      expect(new Set(seen).size).to.equal(seen.length, 'no user shows twice');
      expect(seen).to.deep.equal(serverIds(api, { sort: 'name', limit: 200 }));
      expect(range()).to.equal(`Showing ${(pages.length - 1) * 25 + 1}–${total} of ${total}`);

      const before = listRequests().length;
      previous().click();
      await reloaded(el, listRequests, before);
      expect(rowIds(el)).to.deep.equal(pages.at(-2));
    });

    it('ends the last page at the total when users left the filtered list meanwhile', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      el.statusFilter = 'active';
      await reloaded(el, listRequests, listRequests().length);
      const range = () => part(el, '[part~="page-range"]');
      // One live region says each answer: the count and the range.
      const status = () => [...shadow(el).querySelectorAll('[role="status"]')];
      const counted = () => text(part(el, '[part~="count"]'));
      expect(status(), 'one live region').to.have.length(1);
      expect(text(status()[0])).to.equal(`${counted()} ${text(range())}`);

      // Another Admin deactivates three users of the first page (not the signed-in one, whose
      // session would end): the later pages move up.
      const others = rowIds(el)
        .map((id) => api.store.get(id)!)
        .filter((user) => user.role !== 'admin');
      for (const user of others.slice(0, 3)) api.store.upsert({ ...user, status: 'inactive' });
      const total = serverIds(api, { status: 'active', limit: 200 }).length;
      const next = () => part<HTMLButtonElement>(el, '[part~="next-button"]');
      while (next().getAttribute('aria-disabled') === 'false') {
        const before = listRequests().length;
        next().click();
        await reloaded(el, listRequests, before);
      }
      const count = rows(el).length;
      expect(text(range())).to.equal(`Showing ${total - count + 1}–${total} of ${total}`);
      expect(status(), 'one live region').to.have.length(1);
      expect(text(status()[0]), 'the page is announced').to.equal(`${counted()} ${text(range())}`);
    });

    it('starts the first page at 1 when it is also the last and the total says one more', async () => {
      // A user added between the server's count and its page: 10 rows, no next page, 11 in all.
      const client = inPageClient(createReferenceApi({ seedSize: 10 }), async (request, answer) => {
        if (!new URL(request.url).pathname.endsWith('/v1/users')) return answer;
        const page = (await answer.json()) as { total: number };
        return Response.json({ ...page, total: page.total + 1 });
      });
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      expect(rows(el)).to.have.length(10);
      expect(text(part(el, '[part~="page-range"]'))).to.equal('Showing 1–10 of 11');
    });

    it('keeps saying which users are on screen while the next page is on its way', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const el = await renderTable(tracking.client, { pageSize: 10 });
      await loaded(el);
      const range = () => text(part(el, '[part~="page-range"]'));
      const total = api.store.size;

      const release = tracking.holdLists();
      const before = tracking.listRequests().length;
      part(el, '[part~="next-button"]').click();
      await eventually(() => tracking.listRequests().length > before, 'no list request');
      await el.updateComplete;
      expect(range(), 'the first page is still on screen').to.equal(`Showing 1–10 of ${total}`);
      const body = part(el, 'tbody');
      expect(getComputedStyle(body).opacity, 'dimmed while it is not the answer').to.equal('0.6');
      release();
      await eventually(() => range() === `Showing 11–20 of ${total}`, 'page two');
    });

    it('takes a search and a profile-href given as numbers in the properties as text', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const member = someMember(api);
      api.store.upsert({ ...member, name: 'Agent 4711' });
      const el = await fixture<JtUserTable>(
        html`<jt-user-table .client=${client} .search=${4711} .profileHref=${404}></jt-user-table>`,
      );
      await loaded(el);
      expect(listRequests().at(-1)?.params.get('search')).to.equal('4711');
      expect(rowIds(el)).to.deep.equal([member.id]);
      expect(inRow(el, member.id, '[part~="name-link"]')?.getAttribute('href')).to.equal('404');
    });

    it('says a later page that came back empty is empty, not that there are no users', async () => {
      const api = await referenceApi();
      // A server that offers a next page and then finds it empty (its users left the list).
      const client = inPageClient(api, async (request, answer) => {
        if (!new URL(request.url).searchParams.has('cursor')) return answer;
        const page = (await answer.json()) as UserPage;
        return Response.json({ ...page, items: [], nextCursor: null });
      });
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      const next = part(el, '[part~="next-button"]');
      next.focus();
      next.click();
      await eventually(() => el.shadowRoot!.querySelector('[part~="empty"]') !== null, 'the empty page');
      expect(text(part(el, '[part~="empty"]'))).to.equal(en.pageEmpty);
      // The page buttons stay where they were, and so does the keyboard focus.
      expect(
        deepActiveElement() === next,
        `focus on ${deepActiveElement()?.outerHTML.slice(0, 80)}`,
      ).to.equal(true);
      const previous = part(el, '[part~="previous-button"]');
      previous.focus();
      previous.click();
      await eventually(() => rowIds(el).length === 10, 'page one again');
      expect(
        deepActiveElement() === previous,
        `focus on ${deepActiveElement()?.outerHTML.slice(0, 80)}`,
      ).to.equal(true);
    });

    it('offers the previous page beside Retry when a later page fails to load', async () => {
      const api = await referenceApi();
      const el = await renderTable(trackingClient().client, { pageSize: 10 });
      await loaded(el);
      part(el, '[part~="next-button"]').click();
      await eventually(() => text(part(el, '[part~="page-range"]')).startsWith('Showing 11–20'), 'page two');

      // The server refuses page three's cursor, every time: Retry alone would be a dead end.
      api.faults.failNext(5, 400, { match: { method: 'GET', path: '/v1/users' } });
      part(el, '[part~="next-button"]').click();
      await eventually(() => shadow(el).querySelector('[part~="retry-button"]'), 'no error notice');
      await el.updateComplete;
      part(el, '[part~="error"] [part~="previous-button"]').click();
      api.faults.reset();
      await eventually(
        () => shadow(el).querySelector('[part~="page-range"]')?.textContent?.includes('Showing 11–20'),
        'back on page two',
      );
      await expect(el).to.be.accessible();
    });

    it('shows what changed while it was off the page when it is put back', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const member = someMember(api);
      const el = await renderTable(client, { search: member.email });
      await loaded(el);
      expect(badge(el, member.id)).to.equal('Active');

      // A framework keeps the table aside (a tab, a cached route) while a profile changes the user.
      const parent = el.parentElement!;
      el.remove();
      await UsersStore.for(client).setStatus(member.id, 'inactive');
      parent.append(el);
      await el.updateComplete;
      expect(badge(el, member.id)).to.equal('Inactive');
      expect(actionButton(el, member.id).getAttribute('aria-label')).to.equal(`Activate ${member.name}`);
    });

    it("starts at the new client's first page, showing none of the old client's rows, when the client changes", async () => {
      const el = await renderTable(inPageClient(createReferenceApi({ seedSize: 30 })), { pageSize: 10 });
      await loaded(el);
      part(el, '[part~="next-button"]').click();
      await waitUntil(() => text(part(el, '[part~="page-range"]')).startsWith('Showing 11–20'), 'page two');

      const other = createReferenceApi({ seedSize: 30 });
      const queries: URLSearchParams[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      el.client = createUsersClient({
        baseUrl: '/api',
        getToken: () => demoTokens.admin,
        fetch: async (input, init) => {
          const request = new Request(input, init);
          const url = new URL(request.url);
          if (url.pathname.endsWith('/v1/users')) {
            queries.push(url.searchParams);
            await held;
          }
          const answer = await other.handle(request);
          if (answer === DROP) throw new TypeError('Failed to fetch');
          return answer;
        },
      });
      await waitUntil(() => queries.length > 0, "the new client's list request");
      await el.updateComplete;
      expect(queries[0]!.has('cursor')).to.equal(false);
      expect(rows(el)).to.have.length(0);

      release();
      await loaded(el);
      expect(rows(el)).to.have.length(10);
      expect(text(part(el, '[part~="page-range"]'))).to.match(/^Showing 1–10 /);
    });

    it('takes no notice of api-base while a client is set: same page, same access', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      part(el, '[part~="next-button"]').click();
      await waitUntil(() => text(part(el, '[part~="page-range"]')).startsWith('Showing 11–20'), 'page two');
      const before = listRequests().length;
      el.apiBase = '/elsewhere';
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(listRequests().length, 'a new list request').to.equal(before);
      expect(text(part(el, '[part~="page-range"]'))).to.match(/^Showing 11–20 /);

      // A 403 from the server, then another api-base: the client, and its refusal, stay.
      api.faults.failNext(1, 403, { code: 'forbidden', match: { method: 'GET', path: '/v1/users' } });
      await el.reload().catch(() => {});
      await eventually(() => shadow(el).querySelector('[part~="access-denied"]'), 'access denied');
      el.apiBase = '/elsewhere-again';
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(shadow(el).querySelector('[part~="access-denied"]'), 'the refusal was forgotten').to.exist;
    });

    it('starts at the first page again when the search changes', async () => {
      await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      let before = listRequests().length;
      part(el, '[part~="next-button"]').click();
      await reloaded(el, listRequests, before);

      before = listRequests().length;
      el.search = 'a';
      await reloaded(el, listRequests, before);
      expect(listRequests().at(-1)?.params.has('cursor')).to.equal(false);
      expect(part(el, '[part~="previous-button"]').getAttribute('aria-disabled')).to.equal('true');
    });

    it('puts a long first page on screen a screenful of rows first, and the rest a frame later', async () => {
      // An organization larger than the largest page, answered in the page itself.
      const api = createReferenceApi({ seedSize: MAX_PAGE_SIZE + 10 });
      const client = inPageClient(api);
      const el = await renderTable(client, { pageSize: MAX_PAGE_SIZE });
      const watch = watchRowStates(el);
      await waitUntil(() => rows(el).length > 0, 'first rows', { interval: 1 });
      // updateComplete waits for the rows held back from the first frame.
      await el.updateComplete;
      const states = watch.stop();
      expect(rowIds(el)).to.deep.equal(serverIds(api, { sort: 'name', limit: MAX_PAGE_SIZE }));
      const partial = new Set(states.slice(0, -1).map((state) => state.rows));
      expect(partial.size, 'one screenful first, then every other row at once').to.equal(1);
      // The first frame fills the window, and little more: each row beyond it delays that frame.
      expect(states[0]?.rows).to.be.greaterThan(0).and.lessThan(MAX_PAGE_SIZE);
      expect(states[0]?.bottom, 'the first rows reach past the window').to.be.at.least(innerHeight);
      expect(states[0]?.bottom, 'and not a second window further').to.be.below(2 * innerHeight);
      expect(states.slice(0, -1).map((state) => state.busy)).to.not.include('false');
      expect(states.at(-1)).to.include({ rows: MAX_PAGE_SIZE, busy: 'false' });
      // Busy, but not stale: the first rows are the answer, shown as such, not dimmed.
      expect([...new Set(states.map((state) => state.opacity))]).to.deep.equal(['1']);
    });

    for (const lang of ['en', 'de'] as const) {
      it(`keeps the widths of its columns when the held-back rows arrive, and while a change saves (${lang})`, async () => {
        // One page of users, the signed-in Admin last: the longest name, and the hint that is the
        // widest value of Action, come with the rows held back from the first frame.
        const api = createReferenceApi({ seedSize: 150 });
        const name = 'Zz Last Admin, whose name is longer than any other on the page';
        api.store.upsert({ ...api.store.get(demoUserIds.admin)!, name });
        const client = inPageClient(api);
        const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 1200px"></div>`);
        const el = document.createElement('jt-user-table');
        el.client = client;
        el.pageSize = MAX_PAGE_SIZE;
        wrapper.append(el);
        const watch = watchRowStates(el);
        await waitUntil(() => rows(el).length > 0, 'first rows', { interval: 1 });
        await el.updateComplete;
        const states = watch.stop();
        expect(rowIds(el).at(-1)).to.equal(demoUserIds.admin);
        expect(states[0]!.rows).to.be.lessThan(rows(el).length);
        const widths = states[0]!.widths.map(Math.round);
        expect(states.at(-1)!.widths.map(Math.round)).to.deep.equal(widths);

        // Nor when a row shows "Saving…" ("Wird gespeichert …") beside its button.
        api.faults.hangNext(1, { match: { method: 'PUT' } });
        void el.store!.setStatus(rowIds(el)[0]!, 'inactive').catch(() => {});
        await el.updateComplete;
        expect(shadow(el).querySelector('[part~="pending"]')).to.exist;
        expect(columnWidths(el).map(Math.round)).to.deep.equal(widths);
      });
    }

    it('re-renders nothing when another table reads the same users again', async () => {
      await referenceApi();
      const { client } = trackingClient();
      const first = await renderTable(client);
      await loaded(first);
      const instance = first as unknown as { render(): unknown };
      const render = instance.render.bind(first);
      let renders = 0;
      instance.render = () => {
        renders++;
        return render();
      };
      const second = await renderTable(client);
      await loaded(second);
      await first.updateComplete;
      expect(rowIds(second)).to.deep.equal(rowIds(first));
      expect(renders).to.equal(0);
    });

    it('adds rows a screenful at a time when a larger page size needs many more', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      const watch = watchRowStates(el);
      const before = listRequests().length;
      el.pageSize = api.store.size;
      await reloaded(el, listRequests, before);
      await el.updateComplete;
      const states = watch.stop();
      expect(rowIds(el)).to.deep.equal(serverIds(api, { sort: 'name', limit: api.store.size }));
      const partial = states.filter((state) => state.rows > 10 && state.rows < api.store.size);
      expect(partial, 'some rows held back for a frame').to.not.be.empty;
      expect(states.slice(0, -1).map((state) => state.busy)).to.not.include('false');
      expect(states.at(-1)).to.include({ rows: api.store.size, busy: 'false' });
    });

    it('shows a loading notice until the first page arrives', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      api.faults.hangNext(1, { match: { method: 'GET', path: '/v1/users' } });
      const el = await renderTable(client);
      await waitUntil(() => listRequests().length === 1, 'list requested');
      await el.updateComplete;
      const notice = part(el, '[part~="notice"][part~="loading"]');
      expect(text(notice)).to.equal(en.loading);
      expect(notice.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();

      el.search = 'a';
      await reloaded(el, listRequests, 1);
      expect(rows(el).length).to.be.greaterThan(0);
    });

    it('loads the current page again on reload()', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const member = someMember(api);
      const el = await tableOf(client, member);
      api.store.upsert({ ...member, role: 'external' });
      await el.reload();
      await el.updateComplete;
      expect(text(row(el, member.id).querySelectorAll('[part~="cell"]')[2])).to.equal('External');
    });

    it('aborts the running request when the question changes, and shows no error for it', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      await loaded(el);
      const errors: JtErrorEvent[] = [];
      el.addEventListener('jt-error', (event) => errors.push(event));

      api.faults.hangNext(1, { match: { method: 'GET', path: '/v1/users' } });
      const before = listRequests().length;
      el.search = 'never answered';
      await waitUntil(() => listRequests().length > before, 'hanging request sent');
      await el.updateComplete;
      // The old rows stay while the new ones are on their way, marked busy.
      expect(part(el, 'table').getAttribute('aria-busy')).to.equal('true');
      expect(rows(el)).to.have.length(50);
      el.search = '';
      await reloaded(el, listRequests, before + 1);
      expect(errors).to.deep.equal([]);
      expect(shadow(el).querySelector('[part~="error"]')).to.equal(null);
      expect(rows(el)).to.have.length(50);
    });

    it('says when no user matches, and when there are none at all', async () => {
      await referenceApi();
      const { client } = trackingClient();
      const el = await renderTable(client, { search: 'no such person anywhere' });
      await loaded(el);
      expect(text(part(el, '[part~="notice"][part~="empty"]'))).to.equal(en.noMatches);
      expect(text(part(el, '[part~="count"]'))).to.equal('0 users');
      expect(shadow(el).querySelector('table')).to.equal(null);
      await expect(el).to.be.accessible();

      // An empty organization cannot exist in the reference API (the viewer is a user), so the
      // list itself answers empty here.
      const empty: UsersClient = {
        ...client,
        listUsers: () => Promise.resolve({ items: [], nextCursor: null, total: 0 }),
      };
      const bare = await renderTable(empty);
      await loaded(bare);
      expect(text(part(bare, '[part~="notice"][part~="empty"]'))).to.equal(en.noUsers);
    });

    it('shows an error with Retry when the list cannot be loaded', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      api.faults.failNext(1, 500, { match: { method: 'GET', path: '/v1/users' } });
      const errorEvent = nextEvent(document, 'jt-error');
      const el = await renderTable(client);
      const { error, operation } = await errorEvent;
      expect(operation).to.equal('load');
      expect(error.code).to.equal('server_error');

      await waitUntil(() => el.shadowRoot?.querySelector('[part~="retry-button"]'), 'retry shown');
      const alert = part(el, '[part~="notice"][part~="error"] [role="alert"]');
      expect(text(alert)).to.equal(`${en.listLoadError} ${en.errorServer}`);
      await expect(el).to.be.accessible();

      const before = listRequests().length;
      part(el, '[part~="retry-button"]').click();
      await reloaded(el, listRequests, before);
      expect(rows(el)).to.have.length(50);
    });

    it('keeps the keyboard focus through a failed page load and its retry', async () => {
      const api = await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client);
      await loaded(el);
      api.faults.failNext(1, 500, { match: { method: 'GET', path: '/v1/users' } });
      part(el, '[part~="next-button"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="retry-button"]'), 'retry shown');
      // Compared by part name: a failure then says where the focus went, in a few words.
      const focusedPart = () => deepActiveElement()?.getAttribute('part');
      expect(focusedPart(), 'Retry took the focus of Next').to.equal('retry-button');

      const before = listRequests().length;
      await sendKeys({ press: 'Enter' });
      await reloaded(el, listRequests, before);
      expect(rows(el)).to.have.length.greaterThan(0);
      expect(focusedPart(), 'the table took the focus of Retry').to.equal('scroller');
    });

    it('shows the names of users as text, never as markup', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const hostile = '<img src=x onerror=alert(1)>';
      const member = someMember(api, { name: hostile });
      const el = await tableOf(client, member);
      expect(text(inRow(el, member.id, '[part~="name-button"]'))).to.equal(hostile);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(actionButton(el, member.id).getAttribute('aria-label')).to.equal(`Deactivate ${hostile}`);
    });

    it('wraps a long address between mailbox and domain, not inside a word', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const [mailbox, domain] = ['clara.zimmermann@', 'northpeakconsulting.example'];
      const member = someMember(api, { email: mailbox + domain });
      // A column too narrow for the whole address, wide enough for its mailbox.
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 20rem">
          <style>
            jt-user-table::part(email-cell) {
              min-width: 12rem;
              max-width: 12rem;
            }
          </style>
          <jt-user-table .client=${client} .search=${member.email}></jt-user-table>
        </div>`,
      );
      const el = wrapper.querySelector('jt-user-table')!;
      await loaded(el);
      const cell = inRow(el, member.id, '[part~="email-cell"]')!;
      expect(text(cell)).to.equal(member.email);
      const [mailboxLines, domainLines] = [mailbox, domain].map((piece) => {
        const node = [...cell.childNodes].find((child) => child.textContent === piece);
        if (!node) throw new Error(`the email cell has no text node "${piece}"`);
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()];
      }) as [DOMRect[], DOMRect[]];
      // The mailbox whole on the first line; the domain starts the next.
      expect(mailboxLines).to.have.length(1);
      expect(domainLines[0]!.top).to.be.at.least(mailboxLines[0]!.bottom - 1);
      expect(domainLines[0]!.left).to.be.closeTo(mailboxLines[0]!.left, 1);
    });

    it('speaks German inside lang="de"', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de"><jt-user-table .client=${client}></jt-user-table></div>`,
      );
      const el = wrapper.querySelector('jt-user-table')!;
      await loaded(el);
      const headers = [...shadow(el).querySelectorAll('thead [part~="header"]')].map((th) => text(th));
      expect(headers).to.deep.equal(['Name', 'E-Mail', 'Rolle', 'Status', 'Letzte Anmeldung', 'Aktion']);
      expect(text(part(el, '[part~="count"]'))).to.equal(`${api.store.size} Benutzer`);
      expect(text(part(el, '[part~="search-label"]'))).to.equal(de.searchLabel);
      const firstAction = shadow(el).querySelector('[part~="action-button"]');
      expect(firstAction?.getAttribute('aria-label')).to.match(/ (de)?aktivieren$/);
    });

    it('is accessible when loaded', async () => {
      await referenceApi();
      const { client } = trackingClient();
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      const region = part(el, '[part~="scroller"]');
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.tabIndex).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('names', () => {
    it('fires jt-user-select from the name button without profile-href', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const member = someMember(api);
      const el = await tableOf(client, member);
      expect(inRow(el, member.id, 'a')).to.equal(null);
      const selected = nextEvent(el, 'jt-user-select');
      inRow(el, member.id, '[part~="name-button"]')!.click();
      const event = await selected;
      expect(event.user.id).to.equal(member.id);
      expect(event.detail.user.name).to.equal(member.name);
      expect(event.composed).to.equal(true);
    });

    it('renders real links with profile-href', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const member = someMember(api);
      const el = await tableOf(client, member, { profileHref: '#/users/{id}' });
      const link = inRow<HTMLAnchorElement>(el, member.id, 'a[part~="name-link"]');
      expect(link?.getAttribute('href')).to.equal(`#/users/${encodeURIComponent(member.id)}`);
      expect(text(link)).to.equal(member.name);
      expect(inRow(el, member.id, '[part~="name-button"]')).to.equal(null);
    });
  });

  describe("the seed's table path: action icon → modal → confirm → status changed", () => {
    it('deactivates instantly, confirms with the server, and activates again', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const el = await tableOf(tracking.client, member);

      // Deactivate.
      expect(badge(el, member.id)).to.equal('Active');
      expect(actionButton(el, member.id).getAttribute('aria-label')).to.equal(`Deactivate ${member.name}`);
      expect(actionButton(el, member.id).querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      await openDialogFor(el, member.id);
      expect(text(dialogPart(el, 'heading'))).to.equal(`Deactivate ${isolate(member.name)}?`);
      expect(text(dialogPart(el, 'description'))).to.equal(
        `${isolate(member.name)} will no longer be able to log in.`,
      );
      await expect(el).to.be.accessible();

      let release = tracking.holdWrites();
      dialogPart(el, 'confirm-button').click();
      await waitUntil(() => tracking.writes().length === 1, 'PUT sent');
      await el.updateComplete;
      // The server has not answered (the PUT is held): the table already shows the new status.
      expect(badge(el, member.id)).to.equal('Inactive');
      expect(api.store.get(member.id)?.status).to.equal('active');
      expect(actionButton(el, member.id).getAttribute('aria-disabled')).to.equal('true');
      expect(text(inRow(el, member.id, '[part~="pending"]'))).to.equal('Saving…');

      let changed = nextEvent(el, 'jt-user-status-changed');
      release();
      let event = await changed;
      expect(event.previousStatus).to.equal('active');
      expect(event.user.status).to.equal('inactive');
      expect(api.store.get(member.id)?.status).to.equal('inactive');
      await el.updateComplete;
      expect(inRow(el, member.id, '[part~="pending"]')).to.equal(null);
      await waitUntil(() => liveRegionText() === `${isolate(member.name)} was deactivated.`, 'announced');

      // And back again.
      expect(actionButton(el, member.id).getAttribute('aria-label')).to.equal(`Activate ${member.name}`);
      await openDialogFor(el, member.id);
      expect(text(dialogPart(el, 'description'))).to.equal(
        `${isolate(member.name)} will be able to log in again as Member.`,
      );
      release = tracking.holdWrites();
      dialogPart(el, 'confirm-button').click();
      await waitUntil(() => tracking.writes().length === 2, 'second PUT sent');
      await el.updateComplete;
      expect(badge(el, member.id)).to.equal('Active');
      changed = nextEvent(el, 'jt-user-status-changed');
      release();
      event = await changed;
      expect(event.previousStatus).to.equal('inactive');
      expect(api.store.get(member.id)?.status).to.equal('active');
      expect(tracking.writes().map((w) => w.path)).to.deep.equal([
        `/v1/users/${member.id}/status`,
        `/v1/users/${member.id}/status`,
      ]);
    });

    it('agrees with a toggle of the same user on the same page in the same frame', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <jt-user-table .client=${tracking.client} .search=${member.email}></jt-user-table>
          <jt-user-status-toggle .client=${tracking.client} user-id=${member.id}></jt-user-status-toggle>
        </div>`,
      );
      const el = wrapper.querySelector('jt-user-table')!;
      const toggle = wrapper.querySelector<JtUserStatusToggle>('jt-user-status-toggle')!;
      await loaded(el);
      await waitUntil(() => toggle.shadowRoot?.querySelector('[role="switch"]'), 'toggle shown');

      await openDialogFor(el, member.id);
      const release = tracking.holdWrites();
      dialogPart(el, 'confirm-button').click();
      await waitUntil(() => tracking.writes().length === 1, 'PUT sent');
      await Promise.all([el.updateComplete, toggle.updateComplete]);
      expect(badge(el, member.id)).to.equal('Inactive');
      expect(part(toggle, '[role="switch"]').getAttribute('aria-checked')).to.equal('false');
      release();
      await waitUntil(() => !el.store?.isPending(member.id), 'settled');
    });

    it('shows a change made elsewhere at once, and ignores changes of users it does not show', async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const member = someMember(api);
      const el = await tableOf(client, member);
      let updates = 0;
      el.addController({ hostUpdate: () => updates++ });

      // Neither a row nor the signed-in Admin (whose changes decide what the table may show).
      const other = api.store.all().find((user) => user.id !== member.id && user.id !== demoUserIds.admin)!;
      el.store!.put({ ...other, name: 'Someone Else' });
      await el.updateComplete;
      expect(updates).to.equal(0);

      el.store!.put({ ...el.store!.get(member.id)!, status: 'inactive' });
      await el.updateComplete;
      expect(updates).to.equal(1);
      expect(badge(el, member.id)).to.equal('Inactive');
    });

    it('sends nothing on Cancel or Escape, and gives focus back to the action button', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const el = await tableOf(tracking.client, member);

      await openDialogFor(el, member.id);
      dialogPart(el, 'cancel-button').click();
      await waitUntil(() => !dialogOf(el).isOpen, 'closed by Cancel');
      expect(deepActiveElement()).to.equal(actionButton(el, member.id));

      await openDialogFor(el, member.id);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el).isOpen, 'closed by Escape');
      expect(deepActiveElement()).to.equal(actionButton(el, member.id));

      expect(tracking.writes()).to.deep.equal([]);
      expect(badge(el, member.id)).to.equal('Active');
      expect(api.store.get(member.id)?.status).to.equal('active');
    });

    it('lets a host take over with preventDefault() on jt-user-status-change', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const el = await tableOf(tracking.client, member);
      const asked: Array<{ id: string; status: string }> = [];
      el.addEventListener('jt-user-status-change', (event) => {
        asked.push({ id: event.user.id, status: event.status });
        event.preventDefault();
      });

      actionButton(el, member.id).click();
      await el.updateComplete;
      expect(asked).to.deep.equal([{ id: member.id, status: 'inactive' }]);
      expect(dialogOf(el).isOpen).to.equal(false);
      expect(tracking.writes()).to.deep.equal([]);
      expect(badge(el, member.id)).to.equal('Active');
    });

    const refusals: Array<{
      name: string;
      inject: (api: ReferenceApi) => void;
      code: string;
      message: string;
    }> = [
      {
        name: 'last_admin',
        inject: (api) => api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } }),
        code: 'last_admin',
        message: en.errorLastAdmin,
      },
      {
        name: 'rate_limited',
        inject: (api) => api.faults.failNext(1, 429, { retryAfterSeconds: 3, match: { method: 'PUT' } }),
        code: 'rate_limited',
        message: 'Too many requests. Try again in 3 seconds.',
      },
      {
        name: 'not_found',
        inject: (api) => api.faults.failNext(1, 404, { match: { method: 'PUT' } }),
        code: 'not_found',
        message: en.errorNotFound,
      },
      {
        name: 'self_deactivation',
        inject: (api) => api.faults.failNext(1, 409, { code: 'self_deactivation', match: { method: 'PUT' } }),
        code: 'self_deactivation',
        message: en.errorSelfDeactivation,
      },
      {
        name: 'a network failure',
        inject: (api) => api.faults.dropNext(1, { match: { method: 'PUT' } }),
        code: 'network',
        message: en.errorNetwork,
      },
      {
        name: 'an invalid response',
        inject: (api) => api.faults.malformNext(1, 'schema', { match: { method: 'PUT' } }),
        code: 'invalid_response',
        message: en.errorInvalidResponse,
      },
    ];

    for (const refusal of refusals) {
      it(`rolls back and explains ${refusal.name}`, async () => {
        const api = await referenceApi();
        const tracking = trackingClient();
        const member = someMember(api);
        const el = await tableOf(tracking.client, member);
        const errors: JtErrorEvent[] = [];
        el.addEventListener('jt-error', (event) => errors.push(event));
        refusal.inject(api);

        await openDialogFor(el, member.id);
        dialogPart(el, 'confirm-button').click();
        await waitUntil(() => inRow(el, member.id, '[part~="message"]'), 'message shown');

        const message = inRow(el, member.id, '[part~="message"]')!;
        expect(message.getAttribute('role')).to.equal('alert');
        expect(text(message)).to.equal(refusal.message);
        expect(badge(el, member.id)).to.equal('Active');
        expect(actionButton(el, member.id).getAttribute('aria-disabled')).to.equal('false');
        expect(actionButton(el, member.id).getAttribute('aria-describedby')).to.equal(message.id);
        expect(errors.map((e) => [e.error.code, e.operation])).to.deep.equal([[refusal.code, 'status']]);
        expect(tracking.writes()).to.have.length(1);
        await expect(el).to.be.accessible();
      });
    }

    /** A table of an active member, the dialog deactivating them open, and the server to refuse it. */
    async function refusalAhead() {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const el = await tableOf(tracking.client, member);
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      await openDialogFor(el, member.id);
      return { tracking, member, el };
    }

    /** The row of `id` shows no failure message, and its action button points at none. */
    function expectNoMessage(el: JtUserTable, id: string, why: string): void {
      expect(inRow(el, id, '[part~="message"]') === null, why).to.equal(true);
      expect(actionButton(el, id).hasAttribute('aria-describedby')).to.equal(false);
    }

    /** {@link refusalAhead}, confirmed: the refusal's message shows in the member's row. */
    async function refusalShown() {
      const ahead = await refusalAhead();
      dialogPart(ahead.el, 'confirm-button').click();
      await waitUntil(() => inRow(ahead.el, ahead.member.id, '[part~="message"]'), 'message shown');
      return ahead;
    }

    it('drops a failure’s message once the change is made elsewhere on the page', async () => {
      const { member, el } = await refusalShown();

      // A profile or toggle of the same client makes the change, and the server takes it.
      await el.store!.setStatus(member.id, 'inactive');
      await el.updateComplete;
      expect(badge(el, member.id)).to.equal('Inactive');
      expectNoMessage(el, member.id, 'the message is still shown');
    });

    it('forgets a failure’s message once a new answer no longer lists the user, so it is not said again on their return', async () => {
      const { tracking, member, el } = await refusalShown();

      let before = tracking.listRequests().length;
      el.search = 'zz-nobody';
      await reloaded(el, tracking.listRequests, before);
      before = tracking.listRequests().length;
      el.search = '';
      await reloaded(el, tracking.listRequests, before);
      expect(badge(el, member.id)).to.equal('Active');
      expectNoMessage(el, member.id, 'the old message is back');
    });

    it('keeps a failure’s message through a reload that still lists the user', async () => {
      const { tracking, member, el } = await refusalShown();

      const before = tracking.listRequests().length;
      void el.reload();
      await reloaded(el, tracking.listRequests, before);
      expect(text(inRow(el, member.id, '[part~="message"]'))).to.equal(en.errorLastAdmin);
    });

    it('does not say a failure again as an alert when a new order moves the user to another row', async () => {
      const { api, tracking, abel, zora, el } = await tableOfTwo('Alertmove');
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      await openDialogFor(el, abel.id);
      dialogPart(el, 'confirm-button').click();
      await waitUntil(() => inRow(el, abel.id, '[part~="message"]'), 'message shown');
      expect(inRow(el, abel.id, '[part~="message"]')!.getAttribute('role')).to.equal('alert');

      const before = tracking.listRequests().length;
      el.sort = '-name';
      await reloaded(el, tracking.listRequests, before);
      expect(rowIds(el)).to.deep.equal([zora.id, abel.id]);
      // Still explained next to the control, but not announced as if it had just happened.
      const message = inRow(el, abel.id, '[part~="message"]')!;
      expect(text(message)).to.equal(en.errorLastAdmin);
      expect(message.hasAttribute('role')).to.equal(false);
      expect(actionButton(el, abel.id).getAttribute('aria-describedby')).to.equal(message.id);
    });

    it('treats a forbidden answer as lost access', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const el = await tableOf(tracking.client, member);
      const denied = nextEvent(el, 'jt-access-denied');
      api.faults.failNext(1, 403, { match: { method: 'PUT' } });

      await openDialogFor(el, member.id);
      dialogPart(el, 'confirm-button').click();
      await denied;
      await el.updateComplete;
      const notice = part(el, '[part~="notice"][part~="access-denied"]');
      expect(text(notice)).to.equal(en.errorForbidden);
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(shadow(el).querySelector('table')).to.equal(null);
      expect(el.store?.get(member.id)?.status).to.equal('active');
      // The action button that had the focus is gone: the notice takes it, not the page's body.
      const focused = deepActiveElement();
      expect(focused === notice, `focus on <${focused?.localName}>`).to.equal(true);
    });

    it('keeps the focus in the table when the row that opened the dialog is gone when it closes', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const el = await tableOf(tracking.client, member);
      actionButton(el, member.id).focus();
      await openDialogFor(el, member.id);

      // The host asks for another list while the dialog is open: the row goes.
      const before = tracking.listRequests().length;
      el.search = 'zz-nobody';
      await reloaded(el, tracking.listRequests, before);
      dialogPart(el, 'cancel-button').click();
      const notice = part(el, '[part~="notice"]');
      await waitUntil(() => deepActiveElement() === notice, 'the focus did not go to the notice');
    });

    for (const reload of ['moves their row', 'gives their row to another user'] as const) {
      it(`gives the focus back to the right place when a reload ${reload} while the dialog is open`, async () => {
        const { tracking, abel, zora, el } = await tableOfTwo('Brightwater');
        expect(rowIds(el)).to.deep.equal([abel.id, zora.id]);
        const user = reload === 'moves their row' ? zora : abel;
        actionButton(el, user.id).focus();
        await openDialogFor(el, user.id);

        // The host asks for another list while the dialog is open, and the table fills its rows
        // in place: the button that opened the dialog now stands for another user.
        const before = tracking.listRequests().length;
        if (reload === 'moves their row') el.sort = '-name';
        else el.search = zora.name;
        await reloaded(el, tracking.listRequests, before);
        expect(rowIds(el)).to.deep.equal(reload === 'moves their row' ? [zora.id, abel.id] : [zora.id]);
        dialogPart(el, 'cancel-button').click();

        // Their own button where it is now, or the table's region when they are not listed.
        const expected =
          reload === 'moves their row' ? actionButton(el, zora.id) : part(el, '[part~="scroller"]');
        await eventually(
          () => deepActiveElement() === expected,
          `focus on ${deepActiveElement()?.outerHTML.slice(0, 80)}`,
        );
      });
    }

    it("keeps the focus on the user's own button when a reload still on its way at Cancel moves their row", async () => {
      const { tracking, abel, zora, el } = await tableOfTwo('Brightwater');
      actionButton(el, zora.id).focus();
      await openDialogFor(el, zora.id);

      // The host sorts the other way while the dialog is open; the answer is slow.
      const release = tracking.holdLists();
      const before = tracking.listRequests().length;
      el.sort = '-name';
      await eventually(() => tracking.listRequests().length > before, 'no new list request');
      dialogPart(el, 'cancel-button').click();
      await eventually(
        () => deepActiveElement() === actionButton(el, zora.id),
        'focus not back on the opener',
      );

      // The rows are filled in place: Zora's button becomes Abel's. The focus stays with Zora.
      release();
      await loaded(el);
      expect(rowIds(el)).to.deep.equal([zora.id, abel.id]);
      const focused = deepActiveElement();
      expect(focused === actionButton(el, zora.id), `focus on ${focused?.outerHTML.slice(0, 80)}`).to.equal(
        true,
      );
    });

    it('says aloud that a change failed when a reload took the row away before the answer', async () => {
      const { tracking, member, el } = await refusalAhead();
      const release = tracking.holdWrites();
      dialogPart(el, 'confirm-button').click();
      await waitUntil(() => tracking.writes().length === 1, 'PUT sent');

      const before = tracking.listRequests().length;
      el.search = 'zz-nobody';
      await reloaded(el, tracking.listRequests, before);
      release();
      await eventually(() => !el.store?.isPending(member.id), 'settled');
      await eventually(
        () => liveRegionText() === `${isolate(member.name)} was not changed. ${en.errorLastAdmin}`,
        `announced: "${liveRegionText()}"`,
      );
      // Said once: not shown and said again when the user is listed again.
      const again = tracking.listRequests().length;
      el.search = '';
      await reloaded(el, tracking.listRequests, again);
      expectNoMessage(el, member.id, 'the message said aloud is back');
    });

    it('keeps a failure that came while the next answer was on its way, for when the user is listed again', async () => {
      const { tracking, member, el } = await refusalAhead();
      const releaseWrite = tracking.holdWrites();
      dialogPart(el, 'confirm-button').click();
      await waitUntil(() => tracking.writes().length === 1, 'PUT sent');

      const releaseList = tracking.holdLists();
      let before = tracking.listRequests().length;
      el.search = 'zz-nobody';
      await waitUntil(() => tracking.listRequests().length > before, 'search sent');
      // The refusal comes while the row is still on screen, in a table busy with the search.
      releaseWrite();
      await eventually(() => !el.store?.isPending(member.id), 'settled');
      releaseList();
      await loaded(el);
      before = tracking.listRequests().length;
      el.search = '';
      await reloaded(el, tracking.listRequests, before);
      expect(text(inRow(el, member.id, '[part~="message"]'))).to.equal(en.errorLastAdmin);
    });

    it("offers no deactivation in the signed-in Admin's own row, and says why", async () => {
      const api = await referenceApi();
      const { client } = trackingClient();
      const admin = api.store.get(demoUserIds.admin)!;
      const el = await tableOf(client, admin);
      expect(inRow(el, admin.id, '[part~="action-button"]')).to.equal(null);
      expect(text(inRow(el, admin.id, '[part~="hint"]'))).to.equal(en.selfActionHint);
      expect(text(inRow(el, admin.id, '[part~="self-badge"]'))).to.equal('You');
    });
  });

  describe('who may use it', () => {
    it('hides users from an Admin who made themself a Manager elsewhere on the page', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const el = await renderTable(tracking.client);
      await loaded(el);
      // Another active Admin, so the server lets the signed-in one step down.
      someMember(api, { role: 'admin' });
      const denied = nextEvent(el, 'jt-access-denied');
      await el.store!.setRole(demoUserIds.admin, 'manager');
      await denied;
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="access-denied"]')).to.not.equal(null);
      expect(shadow(el).querySelector('table')).to.equal(null);
    });

    for (const role of ['manager', 'member', 'external'] as const) {
      it(`shows a ${role} an explanation and requests no users`, async () => {
        await referenceApi();
        const tracking = trackingClient(demoTokens[role]);
        const denied = nextEvent(document, 'jt-access-denied');
        const el = await renderTable(tracking.client);
        const event = await denied;
        expect(event.currentUser?.role).to.equal(role);
        await el.updateComplete;
        expect(shadow(el).querySelector('[part~="access-denied"]')).to.not.equal(null);
        expect(shadow(el).querySelector('table, input, select')).to.equal(null);
        expect(tracking.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['GET /v1/me']);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('keyboard only', () => {
    it('reaches a name and the action, confirms in the dialog, and keeps focus on the action', async () => {
      const api = await referenceApi();
      const tracking = trackingClient();
      const member = someMember(api);
      const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
      const el = await tableOf(tracking.client, member);
      before.focus();

      const tabTo = async (target: Element, limit = 20) => {
        for (let step = 0; step < limit && deepActiveElement() !== target; step++)
          await sendKeys({ press: 'Tab' });
        expect(deepActiveElement()).to.equal(target);
      };

      await tabTo(inRow(el, member.id, '[part~="name-button"]')!);
      const selected = nextEvent(el, 'jt-user-select');
      await sendKeys({ press: 'Enter' });
      expect((await selected).user.id).to.equal(member.id);

      const action = actionButton(el, member.id);
      await tabTo(action, 2);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el).isOpen, 'dialog open');
      expect(deepActiveElement()).to.equal(dialogPart(el, 'cancel-button'));
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(dialogPart(el, 'confirm-button'));
      const changed = nextEvent(el, 'jt-user-status-changed');
      await sendKeys({ press: 'Space' });
      await changed;
      await el.updateComplete;

      expect(api.store.get(member.id)?.status).to.equal('inactive');
      expect(deepActiveElement()).to.equal(action);
      expect(action.getAttribute('aria-label')).to.equal(`Activate ${member.name}`);
    });

    it('pages with the keyboard, keeping focus on the page buttons', async () => {
      await referenceApi();
      const { client, listRequests } = trackingClient();
      const el = await renderTable(client, { pageSize: 10 });
      await loaded(el);
      const next = part(el, '[part~="next-button"]');
      next.focus();
      const first = rowIds(el);
      const before = listRequests().length;
      await sendKeys({ press: 'Enter' });
      await reloaded(el, listRequests, before);
      expect(rowIds(el)).to.not.deep.equal(first);
      expect(deepActiveElement()).to.equal(next);
    });
  });
});
