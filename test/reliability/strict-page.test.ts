/**
 * A strict page: a host page whose Content-Security-Policy allows no inline script, no inline
 * style and no eval runs the whole flow (table action, profile toggle, role change, a refusal)
 * without a single violation report, once with the elements from the sources and once with the
 * single-file bundle alone. The page lives in test/csp/; the runner serves it with the policy
 * and answers its same-origin API (test/web-test-runner/strict-pages.mjs).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { JtConfirmDialog, JtUserProfile, JtUserStatusToggle, JtUserTable } from '@jt-users/elements';
import { UserSchema, type User } from '@jt-users/sdk/schemas';
import { demoTokens } from '@jt-users/reference-api';
import { part, shadow } from '../elements/support.js';

/** The strictest usual policy: nothing inline, no eval, every resource from the page's own origin. */
const STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
const PAGE = '/test/csp/strict-page.html';
const BUNDLE_URL = '/packages/elements/dist/jt-users.min.js';
const API = '/csp-api';

interface StrictWindow extends Window {
  cspViolations: string[];
  pageErrors: string[];
  pageReady?: boolean;
}

const VARIANTS = [
  { name: 'the elements from their modules', query: '', bundle: false },
  { name: 'the single-file bundle', query: '&bundle', bundle: true },
] as const;

function eventually(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5000 });
}

async function control(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${API}/__control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `POST /__control/${path}`).to.equal(true);
}

/** The user as the server has it now. */
async function serverUser(id: string): Promise<User> {
  const response = await fetch(`${API}/v1/users/${id}`, {
    headers: { authorization: `Bearer ${demoTokens.admin}` },
  });
  return UserSchema.parse(await response.json());
}

async function openStrictPage(query: string): Promise<{ window: StrictWindow; document: Document }> {
  const frame = document.createElement('iframe');
  frame.src = `${PAGE}?token=${demoTokens.admin}${query}`;
  frame.style.setProperty('width', '1100px');
  frame.style.setProperty('height', '800px');
  document.body.append(frame);
  await eventually(() => {
    const view = frame.contentWindow as StrictWindow | null;
    return view?.pageReady || (view?.pageErrors?.length ?? 0) > 0;
  }, 'the strict page did not start');
  const view = frame.contentWindow as StrictWindow;
  expect(view.pageErrors, 'errors while the page started').to.deep.equal([]);
  return { window: view, document: frame.contentDocument! };
}

/** Opens a flow's dialog with `opener` and confirms it; resolves with the element's `event`. */
async function confirmThrough(
  host: HTMLElement,
  opener: HTMLElement,
  dialogHost: HTMLElement,
  event: string,
): Promise<Event> {
  const done = oneEvent(host, event);
  opener.click();
  const dialog = part<JtConfirmDialog>(dialogHost, 'jt-confirm-dialog');
  await eventually(() => dialog.isOpen, 'the confirm dialog did not open');
  part(dialog, '[part~="confirm-button"]').click();
  return done;
}

describe('a strict page (no inline script or style, no eval)', function () {
  this.timeout(30_000);

  before(async () => {
    const response = await fetch(BUNDLE_URL, { method: 'HEAD' });
    if (!response.ok)
      throw new Error(`${BUNDLE_URL} answered ${response.status}: run \`npm run build\` first`);
  });

  beforeEach(() => control('reset'));

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('is served with the strict policy, and the page reports a violation when there is one', async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_POLICY);
    // The control: an inline style attribute is a violation here, and the page's recorder sees it,
    // so "no reports" below means "no violations", not "no recorder".
    const page = await openStrictPage('');
    const probe = page.document.createElement('div');
    probe.setAttribute('style', 'color: red');
    page.document.body.append(probe);
    await eventually(() => page.window.cspViolations.length > 0, 'no violation was reported');
    expect(page.window.cspViolations[0]).to.match(/^style-src-attr /);
  });

  for (const variant of VARIANTS) {
    it(`runs the full flow with ${variant.name} and zero violation reports`, async () => {
      const page = await openStrictPage(variant.query);
      const table = page.document.querySelector<JtUserTable>('jt-user-table')!;
      const profile = page.document.querySelector<JtUserProfile>('jt-user-profile')!;
      await eventually(() => shadow(table).querySelector('[part~="row"]'), 'the table did not load');
      await table.updateComplete;
      const loaded = page.window.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname);
      expect(loaded.includes(BUNDLE_URL), 'the bundle was loaded').to.equal(variant.bundle);
      expect(
        loaded.some((path) => path.startsWith('/packages/elements/src/')),
        'modules were loaded',
      ).to.equal(!variant.bundle);

      // Table: deactivate an active Member behind the confirm dialog.
      const row = [...shadow(table).querySelectorAll<HTMLTableRowElement>('[part~="row"]')].find(
        (candidate) =>
          candidate.cells[2]?.textContent === 'Member' && candidate.querySelector('[part~="deactivate"]'),
      )!;
      const id = row.dataset.userId!;
      await confirmThrough(
        table,
        row.querySelector('[part~="action-button"]')!,
        table,
        'jt-user-status-changed',
      );
      expect((await serverUser(id)).status).to.equal('inactive');

      // Profile: the toggle in Extra Settings activates the user again.
      profile.userId = id;
      await eventually(
        () => shadow(profile).querySelector('jt-user-status-toggle'),
        'the profile did not load',
      );
      const toggle = part<JtUserStatusToggle>(profile, 'jt-user-status-toggle');
      await toggle.updateComplete;
      await confirmThrough(profile, part(toggle, '[part~="switch"]'), toggle, 'jt-user-status-changed');
      expect((await serverUser(id)).status).to.equal('active');

      // Profile: a role change.
      const select = part<HTMLSelectElement>(profile, '[part~="role-select"]');
      select.value = 'external';
      select.dispatchEvent(new Event('change'));
      await profile.updateComplete;
      await confirmThrough(
        profile,
        part(profile, '[part~="role-apply-button"]'),
        profile,
        'jt-user-role-changed',
      );
      expect((await serverUser(id)).role).to.equal('external');

      // A refusal: the message shows in the row.
      await control('faults', { failNext: { count: 1, status: 409, code: 'last_admin', method: 'PUT' } });
      await confirmThrough(
        table,
        part(table, `[data-user-id="${id}"] [part~="action-button"]`),
        table,
        'jt-error',
      );
      await table.updateComplete;
      expect(part(table, `[data-user-id="${id}"] [part~="message"]`).textContent).to.not.equal('');

      // Reports are queued as tasks: give the last ones a moment to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(page.window.cspViolations, 'CSP violation reports').to.deep.equal([]);
      expect(page.window.pageErrors, 'uncaught errors').to.deep.equal([]);
    });
  }
});
