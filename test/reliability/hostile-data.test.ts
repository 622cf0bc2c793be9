/**
 * Hostile data: names, emails, error details and roles that try to run script. Every vector of
 * hostile-vectors.ts travels the real way (reference API → SDK → store → element) and must show
 * as text, never run, never add markup, and never push the layout wider than the page.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '@jt-users/elements/define';
import {
  en,
  type JtErrorEvent,
  type JtConfirmDialog,
  type JtUserProfile,
  type JtUserStatusToggle,
  type JtUserTable,
  isolate,
} from '@jt-users/elements';
import { createUsersClient } from '@jt-users/sdk';
import type { User } from '@jt-users/sdk/schemas';
import { demoTokens, type ReferenceApi } from '@jt-users/reference-api/browser';
import {
  liveRegionText,
  part,
  recordingClient,
  referenceApi,
  shadow,
  someMember,
} from '../elements/support.js';
import { HOSTILE_VECTORS } from './hostile-vectors.js';

declare global {
  interface Window {
    /** The execution hook: a vector that runs pushes its number here. */
    __xss: number[];
  }
}

/**
 * Elements that only exist in the shadow trees if a vector was parsed as markup. (Forms and
 * inputs are left out: the elements have their own; the text checks catch injected ones.)
 */
const INJECTED_TAGS = new Set([
  'script',
  'img',
  'iframe',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'video',
  'audio',
  'source',
  'marquee',
  'details',
  'x',
  'math',
  'mglyph',
  'foreignobject',
  'animate',
  'noscript',
  'template',
  'style',
]);

/** Every element under `root`, through open shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

/** Markup that can only come from a vector: injected tags, `on*` attributes, script URLs. */
function injectedMarkup(root: Element): string[] {
  const problems: string[] = [];
  for (const element of deepElements(root.shadowRoot ?? root)) {
    if (INJECTED_TAGS.has(element.localName.toLowerCase())) problems.push(`<${element.localName}>`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`${element.localName}[${attribute.name}]`);
      if (
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attribute.name) &&
        /^\s*(javascript|data):/i.test(attribute.value)
      ) {
        problems.push(`${element.localName}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
      }
    }
  }
  return problems;
}

/**
 * Gives anything a vector could have started (an image error, an SVG load, an autofocus) the
 * chance to run: two frames and a short pause. Waits for events, asserts no time.
 */
async function settle(): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 150));
}

/** `eventually`, polling often: the suites below wait hundreds of times for a state. */
function eventually(predicate: () => unknown): Promise<void> {
  return waitUntil(predicate, undefined, { interval: 5, timeout: 5000 });
}

/** Users with a vector in name, email and the name of who last changed their status. */
function seedHostileUsers(api: ReferenceApi): User[] {
  const template = someMember(api);
  return HOSTILE_VECTORS.map(({ index, text }) =>
    api.store.upsert({
      ...template,
      id: `usr_hostile_${index}`,
      name: text,
      email: text,
      status: 'active',
      statusChangedAt: template.createdAt,
      statusChangedBy: { id: 'usr_admin', name: text },
    }),
  );
}

/** Layout survives when the element is no wider than its box: long values wrap instead. */
function expectNoHorizontalOverflow(element: Element, label: string): void {
  expect(element.scrollWidth, `${label} overflows sideways`).to.be.at.most(element.clientWidth + 1);
}

function dialogOf(host: Element): JtConfirmDialog {
  return part<JtConfirmDialog>(host, 'jt-confirm-dialog');
}

describe('hostile data', function () {
  this.timeout(60_000);
  let api: ReferenceApi;
  let users: User[];

  beforeEach(async () => {
    api = await referenceApi();
    users = seedHostileUsers(api);
    window.__xss = [];
  });

  afterEach(async () => {
    await settle();
    expect(window.__xss, 'vectors that ran').to.deep.equal([]);
  });

  it(`has at least 50 vectors, and the hook would see one run`, async () => {
    expect(HOSTILE_VECTORS.length).to.be.at.least(50);
    // The control: the same strings as markup do run, so a silent hook means "nothing ran".
    const scratch = document.createElement('div');
    const imageVector = HOSTILE_VECTORS.find((vector) => vector.text.startsWith('<img src=x onerror="'))!;
    scratch.innerHTML = imageVector.text;
    document.body.append(scratch);
    await settle();
    scratch.remove();
    expect(window.__xss).to.deep.equal([imageVector.index]);
    window.__xss = [];
  });

  it('shows every vector as text in the table, and the row stays narrow', async () => {
    const { client } = recordingClient();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div class="host">
        <jt-user-table .client=${client} page-size="200" sort="email"></jt-user-table>
      </div>`,
    );
    wrapper.style.setProperty('width', '960px');
    const table = wrapper.querySelector('jt-user-table')!;
    await eventually(() => shadow(table).querySelector(`[data-user-id="${users[0]!.id}"]`));
    // A long page shows its first rows a frame before the rest; updateComplete waits for them all.
    await table.updateComplete;

    for (const user of users) {
      const row = part<HTMLTableRowElement>(table, `[part~="row"][data-user-id="${user.id}"]`);
      const name = row.querySelector('[part~="name-button"]')!;
      const email = row.cells[1]!;
      expect(name.textContent, `name of ${user.id}`).to.equal(user.name);
      expect(email.textContent, `email of ${user.id}`).to.equal(user.email);
      // The only element an address may hold is the table's own line-break opportunity after its @.
      const breaks = user.email.includes('@') ? 1 : 0;
      const markup = name.querySelectorAll('*').length + email.querySelectorAll('*').length - breaks;
      expect(markup, `markup in ${user.id}`).to.equal(0);
      expect(email.querySelectorAll('wbr').length, `line breaks in ${user.id}`).to.equal(breaks);
      expect(row.cells[0]!.getBoundingClientRect().width, `name cell of ${user.id}`).to.be.at.most(400);
      expect(email.getBoundingClientRect().width, `email cell of ${user.id}`).to.be.at.most(400);
    }
    expectNoHorizontalOverflow(table, 'the table');
    expect(injectedMarkup(table)).to.deep.equal([]);
  });

  it('names every vector as text in the confirm dialog and the announcement', async () => {
    // The dialog and the announcement are the same code in every element; the toggle is the
    // lightest host to open them from, one user after the other.
    const { client } = recordingClient();
    const toggle = await fixture<JtUserStatusToggle>(
      html`<jt-user-status-toggle .client=${client}></jt-user-status-toggle>`,
    );

    for (const user of users) {
      toggle.userId = user.id;
      await eventually(
        () =>
          shadow(toggle).querySelector('[part~="switch"]')?.getAttribute('aria-label') ===
          en.switchName(user.name),
      );
      part(toggle, '[part~="switch"]').click();
      const dialog = dialogOf(toggle);
      await eventually(() => dialog.isOpen);
      await dialog.updateComplete;
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(
        en.deactivateHeading(isolate(user.name)),
      );
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        en.deactivateMessage(isolate(user.name)),
      );
      expectNoHorizontalOverflow(part(dialog, 'dialog'), `the dialog for ${user.id}`);
      const changed = oneEvent(toggle, 'jt-user-status-changed');
      part(dialog, '[part~="confirm-button"]').click();
      await changed;
      await eventually(() => liveRegionText() === en.announceDeactivated(isolate(user.name)));
    }
    expect(injectedMarkup(toggle)).to.deep.equal([]);
  });

  it('shows every vector as text in the profile and its toggle', async () => {
    const { client } = recordingClient();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <jt-user-profile .client=${client}></jt-user-profile>
      </div>`,
    );
    wrapper.style.setProperty('width', '640px');
    const profile = wrapper.querySelector<JtUserProfile>('jt-user-profile')!;

    for (const user of users) {
      profile.userId = user.id;
      await eventually(() => shadow(profile).querySelector('[part~="name"]')?.textContent === user.name);
      const email = part(profile, '[data-field="email"] [part~="field-value"]');
      expect(email.textContent).to.equal(user.email);
      expect(part(profile, '[data-field="statusChangedAt"] [part~="field-value"]').textContent).to.contain(
        user.name,
      );
      const toggle = part<JtUserStatusToggle>(profile, 'jt-user-status-toggle');
      await toggle.updateComplete;
      expect(part(toggle, '[part~="switch"]').getAttribute('aria-label')).to.equal(en.switchName(user.name));
      expectNoHorizontalOverflow(profile, `the profile of ${user.id}`);
    }
    expect(injectedMarkup(profile)).to.deep.equal([]);
  });

  it('shows its own message, never the server detail, for every vector in an error', async () => {
    const target = someMember(api);
    const { client } = recordingClient();
    const toggle = await fixture<JtUserStatusToggle>(
      html`<jt-user-status-toggle .client=${client} user-id=${target.id}></jt-user-status-toggle>`,
    );
    await eventually(() => shadow(toggle).querySelector('[part~="switch"]'));
    // Each vector arrives as the `detail` of a different refusal; the person reads the element's sentence.
    const refusals = [
      { status: 409, code: 'last_admin', message: en.errorLastAdmin },
      { status: 409, code: 'self_deactivation', message: en.errorSelfDeactivation },
      { status: 400, code: 'invalid_request', message: en.errorInvalidRequest },
      { status: 404, code: 'not_found', message: en.errorNotFound },
      { status: 500, code: 'server_error', message: en.errorServer },
    ] as const;

    for (const { index, text } of HOSTILE_VECTORS) {
      const refusal = refusals[index % refusals.length]!;
      api.faults.failNext(1, refusal.status, { code: refusal.code, detail: text, match: { method: 'PUT' } });
      part(toggle, '[part~="switch"]').click();
      const dialog = dialogOf(toggle);
      await eventually(() => dialog.isOpen);
      const failed = oneEvent<JtErrorEvent>(toggle, 'jt-error');
      part(dialog, '[part~="confirm-button"]').click();
      const { detail } = await failed;
      expect(detail.error.detail, 'the detail reaches the host as data').to.equal(text);
      await toggle.updateComplete;
      const message = part(toggle, '[part~="message"]');
      expect(message.textContent).to.equal(refusal.message);
      expect(message.children.length).to.equal(0);
    }
    expect(injectedMarkup(toggle)).to.deep.equal([]);
    expect(api.store.changes, 'every change was refused').to.deep.equal([]);
  });

  it('refuses a vector in place of a role as an invalid answer, with a message', async () => {
    // Roles are an enum: a server that sends a vector there breaks the contract, and the SDK's
    // schema check stops the answer before any element sees it.
    let vector = '';
    const client = createUsersClient({
      baseUrl: '/api',
      getToken: () => demoTokens.admin,
      retry: { limit: 0 },
      fetch: async (input, init) => {
        const response = await fetch(new Request(input, init));
        if (!new URL(response.url).pathname.endsWith('/v1/users')) return response;
        const page = (await response.json()) as { items: Array<Record<string, unknown>> };
        page.items[0]!.role = vector;
        return Response.json(page, { status: response.status });
      },
    });
    const table = await fixture<JtUserTable>(
      html`<jt-user-table .client=${client} page-size="5"></jt-user-table>`,
    );
    let errors = 0;
    table.addEventListener('jt-error', (event) => {
      expect(event.detail.error.code).to.equal('invalid_response');
      errors++;
    });

    for (const { text } of HOSTILE_VECTORS) {
      vector = text;
      const before = errors;
      await table.reload().catch(() => undefined);
      await eventually(() => errors === before + 1);
      await table.updateComplete;
      const alert = part(table, '[part~="notice"][part~="error"] [role="alert"]');
      expect(alert.textContent).to.equal(`${en.listLoadError} ${en.errorInvalidResponse}`);
      expect(shadow(table).querySelector('[part~="row"]'), 'no row of the refused page').to.equal(null);
    }
    expect(errors).to.equal(HOSTILE_VECTORS.length);
    expect(injectedMarkup(table)).to.deep.equal([]);
  });
});
