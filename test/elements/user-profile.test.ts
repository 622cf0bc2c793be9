import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@jt-users/elements/define';
import {
  en,
  formatDate,
  formatDateTime,
  type JtAccessDeniedEvent,
  type JtConfirmDialog,
  type JtErrorEvent,
  type JtUserProfile,
  type JtUserRoleChangeEvent,
  type JtUserRoleChangedEvent,
  type JtUserStatusChangedEvent,
  type JtUserStatusToggle,
  type JtUserTable,
  isolate,
} from '@jt-users/elements';
import type { UsersClient } from '@jt-users/sdk';
import type { User, UserRole } from '@jt-users/sdk/schemas';
import { demoTokens, demoUserIds, type ReferenceApi } from '@jt-users/reference-api/browser';
import {
  deepActiveElement,
  eventually,
  holdingClient,
  liveRegionText,
  part,
  recordingClient,
  referenceApi,
  shadow,
  someMember,
} from './support.js';

const puts = (sent: string[]) => sent.filter((line) => line.startsWith('PUT'));

const toggleOf = (el: JtUserProfile) => part<JtUserStatusToggle>(el, 'jt-user-status-toggle');
const switchOf = (el: JtUserProfile) => part<HTMLButtonElement>(toggleOf(el), '[role="switch"]');
const roleSelectOf = (el: JtUserProfile) => part<HTMLSelectElement>(el, '[part~="role-select"]');
const applyOf = (el: JtUserProfile) => part<HTMLButtonElement>(el, '[part~="role-apply-button"]');
const fieldValue = (el: JtUserProfile, name: string) =>
  part(el, `[data-field="${name}"] [part~="field-value"]`).textContent?.trim();
const badgeOf = (el: JtUserProfile) => part(el, '[part~="status-badge"]');

/** The role dialog is the profile's own; the status dialog lives in the toggle. */
function dialogOf(el: JtUserProfile | JtUserStatusToggle): JtConfirmDialog {
  return part<JtConfirmDialog>(el, 'jt-confirm-dialog');
}

function dialogButton(dialog: JtConfirmDialog, which: 'confirm' | 'cancel'): HTMLButtonElement {
  return part<HTMLButtonElement>(dialog, `[part~="${which}-button"]`);
}

async function dialogOpened(el: JtUserProfile | JtUserStatusToggle): Promise<JtConfirmDialog> {
  await waitUntil(
    () => el.shadowRoot?.querySelector('jt-confirm-dialog')?.isOpen,
    'the confirm dialog did not open',
  );
  const dialog = dialogOf(el);
  await dialog.updateComplete;
  return dialog;
}

async function rendered(el: JtUserProfile): Promise<void> {
  await el.updateComplete;
  const toggle = el.shadowRoot?.querySelector('jt-user-status-toggle');
  if (toggle) await toggle.updateComplete;
}

async function settled(el: JtUserProfile, id: string): Promise<void> {
  await waitUntil(() => !el.store?.isPending(id), 'the change did not settle');
  await rendered(el);
}

/** Chooses a role in the select the way a person does: a change event follows. */
function chooseRole(el: JtUserProfile, role: UserRole): void {
  const select = roleSelectOf(el);
  select.value = role;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Counts the events of a type that reach the document. */
function count(type: keyof GlobalEventHandlersEventMap): { events: Event[] } {
  const seen = { events: [] as Event[] };
  const listener = (event: Event) => seen.events.push(event);
  document.addEventListener(type, listener);
  afterEach(() => document.removeEventListener(type, listener));
  return seen;
}

interface MountOptions {
  api?: ReferenceApi;
  user?: User;
  id?: string;
  token?: string;
  client?: UsersClient;
  lang?: string;
}

/** Mounts a profile by `user-id` inside a `lang` wrapper. */
async function mount(options: MountOptions = {}) {
  const api = options.api ?? (await referenceApi());
  const recording = recordingClient(options.token);
  const client = options.client ?? recording.client;
  const user = options.user ?? someMember(api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en'}>
      <jt-user-profile .client=${client} user-id=${options.id ?? user.id}></jt-user-profile>
    </div>`,
  );
  const el = wrapper.querySelector('jt-user-profile')!;
  return { el, api, sent: recording.sent, user };
}

async function mountReady(options: MountOptions = {}) {
  const mounted = await mount(options);
  await waitUntil(
    () =>
      mounted.el.shadowRoot
        ?.querySelector('jt-user-status-toggle')
        ?.shadowRoot?.querySelector('[role="switch"]'),
    'the profile did not render',
  );
  return mounted;
}

describe('<jt-user-profile>', () => {
  describe('the Profile section', () => {
    it('shows every field, with dates in the element’s language, from one user request', async () => {
      const api = await referenceApi();
      const changedAt = '2025-02-10T14:30:00.000Z';
      const user = someMember(api, {
        statusChangedAt: changedAt,
        statusChangedBy: { id: demoUserIds.admin, name: 'Ada Lindqvist' },
      });
      const { el, sent } = await mountReady({ api, user });

      expect(part(el, '[part~="name"]').textContent).to.equal(user.name);
      expect(part(el, '[part~="name"]').localName).to.equal('h3');
      expect(fieldValue(el, 'email')).to.equal(user.email);
      expect(fieldValue(el, 'role')).to.equal('Member');
      expect(badgeOf(el).textContent).to.equal('Active');
      // The status is a part too, so hosts style `::part(status-badge active)` as in the table.
      expect(badgeOf(el).getAttribute('part')).to.equal('status-badge active');
      expect(part(el, '[part~="status-description"]').textContent).to.equal(
        'Can log in with the access of their role.',
      );
      expect(fieldValue(el, 'createdAt')).to.equal(formatDate(user.createdAt, 'en'));
      expect(part(el, '[data-field="createdAt"] time').getAttribute('datetime')).to.equal(user.createdAt);
      expect(fieldValue(el, 'lastLoginAt')).to.equal(formatDateTime(user.lastLoginAt!, 'en'));
      expect(fieldValue(el, 'statusChangedAt')).to.equal(
        `${formatDateTime(changedAt, 'en')} by Ada Lindqvist`,
      );
      const labels = [...shadow(el).querySelectorAll('[part~="field-label"]')].map(
        (label) => label.textContent,
      );
      expect(labels).to.deep.equal([
        'Email',
        'Role',
        'Status',
        'Created',
        'Last login',
        'Status last changed',
      ]);
      expect(sent).to.deep.equal(['GET /v1/me', `GET /v1/users/${user.id}`]);
      await expect(el).to.be.accessible();
    });

    it('says "Never" for a user who never logged in and whose status never changed', async () => {
      const api = await referenceApi();
      const user = someMember(api, { lastLoginAt: null, statusChangedAt: null, statusChangedBy: null });
      const { el } = await mountReady({ api, user });
      expect(fieldValue(el, 'lastLoginAt')).to.equal('Never');
      expect(fieldValue(el, 'statusChangedAt')).to.equal('Never');
    });

    it('labels each of the three sections by its heading', async () => {
      const { el } = await mountReady();
      const sections = [...shadow(el).querySelectorAll('section')];
      const headings = sections.map((section) => {
        const heading = shadow(el).getElementById(section.getAttribute('aria-labelledby')!);
        expect(section.contains(heading)).to.equal(true);
        return heading?.textContent;
      });
      expect(headings).to.deep.equal(['Profile', 'Roles and permissions', 'Extra Settings']);
    });

    it('needs no user request when given the user object, nor any request with the current user too', async () => {
      const api = await referenceApi();
      const user = someMember(api, { status: 'inactive' });
      const first = recordingClient();
      const el = await fixture<JtUserProfile>(
        html`<jt-user-profile .client=${first.client} .user=${user}></jt-user-profile>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="name"]'), 'not shown');
      expect(badgeOf(el).textContent).to.equal('Inactive');
      expect(badgeOf(el).getAttribute('part')).to.equal('status-badge inactive');
      await waitUntil(() => toggleOf(el).shadowRoot?.querySelector('[role="switch"]'), 'no switch');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(first.sent).to.deep.equal(['GET /v1/me']);

      const viewer = api.store.get(demoUserIds.admin)!;
      const second = recordingClient();
      const quiet = await fixture<JtUserProfile>(
        html`<jt-user-profile
          .client=${second.client}
          .currentUser=${viewer}
          .user=${user}
        ></jt-user-profile>`,
      );
      await waitUntil(() =>
        quiet.shadowRoot
          ?.querySelector('jt-user-status-toggle')
          ?.shadowRoot?.querySelector('[role="switch"]'),
      );
      expect(second.sent).to.deep.equal([]);
    });

    it('renders a hostile name as text everywhere', async () => {
      const api = await referenceApi();
      const hostile = '<img src=x onerror=alert(1)>';
      const user = someMember(api, { name: hostile });
      const { el } = await mountReady({ api, user });
      expect(part(el, '[part~="name"]').textContent).to.equal(hostile);
      expect(switchOf(el).getAttribute('aria-label')).to.equal(`${hostile} can log in`);
      chooseRole(el, 'manager');
      await el.updateComplete;
      applyOf(el).click();
      const dialog = await dialogOpened(el);
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(
        `Change the role of ${isolate(hostile)}?`,
      );
      for (const root of [shadow(el), shadow(toggleOf(el)), shadow(dialog)])
        expect(root.querySelector('img')).to.equal(null);
      dialog.close();
    });

    it('shows the header slot in every state, the access notice too', async () => {
      await referenceApi();
      const { client } = recordingClient(demoTokens.member);
      const el = await fixture<JtUserProfile>(
        html`<jt-user-profile .client=${client} user-id="usr_1"
          ><a slot="header" href="/users">Back to users</a></jt-user-profile
        >`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="access-denied"]'), 'no explanation');
      const slot = part<HTMLSlotElement>(el, 'slot[name="header"]');
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Back to users']);
    });
  });

  describe('the seed’s path: Profile status, then the Extra Settings toggle', () => {
    it('deactivates instantly on confirm, before the server answers, then activates again', async () => {
      const api = await referenceApi();
      const holding = holdingClient();
      const changed = count('jt-user-status-changed');
      const { el, user } = await mountReady({ api, client: holding.client });
      const viewer = api.store.get(demoUserIds.admin)!;
      expect(badgeOf(el).textContent).to.equal('Active');
      expect(part(el, '[part~="extra-settings-section"] [part~="intro"]').textContent).to.equal(
        'An inactive user cannot log in at all. Users are never deleted: you can activate them again at any time.',
      );

      switchOf(el).click();
      const dialog = await dialogOpened(toggleOf(el));
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will no longer be able to log in.`,
      );
      await expect(el).to.be.accessible();
      dialogButton(dialog, 'confirm').click();

      // The change shows while the request still waits to reach the server.
      await waitUntil(() => holding.held() === 1, 'no change sent');
      await rendered(el);
      expect(badgeOf(el).textContent).to.equal('Inactive');
      expect(part(el, '[part~="status-description"]').textContent).to.equal('Cannot log in at all.');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(switchOf(el).getAttribute('aria-disabled')).to.equal('true');
      expect(api.store.get(user.id)?.status).to.equal('active');

      holding.release();
      await settled(el, user.id);
      expect(api.store.get(user.id)?.status).to.equal('inactive');
      expect(badgeOf(el).textContent).to.equal('Inactive');
      // The server's answer says who changed the status, and the profile shows it.
      expect(fieldValue(el, 'statusChangedAt')).to.contain(`by ${viewer.name}`);
      expect(changed.events).to.have.length(1);
      expect((changed.events[0] as JtUserStatusChangedEvent).detail.previousStatus).to.equal('active');
      await waitUntil(() => liveRegionText() === `${isolate(user.name)} was deactivated.`, 'not announced');

      switchOf(el).click();
      const again = await dialogOpened(toggleOf(el));
      expect(part(again, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will be able to log in again as Member.`,
      );
      dialogButton(again, 'confirm').click();
      await waitUntil(() => holding.held() === 1, 'no change sent');
      await rendered(el);
      expect(badgeOf(el).textContent).to.equal('Active');
      holding.release();
      await settled(el, user.id);
      expect(api.store.get(user.id)?.status).to.equal('active');
      expect(puts(holding.sent)).to.deep.equal([
        `PUT /v1/users/${user.id}/status`,
        `PUT /v1/users/${user.id}/status`,
      ]);
      // The toggle shared the profile's user: no request of its own.
      expect(holding.sent.filter((line) => line.startsWith('GET'))).to.deep.equal([
        'GET /v1/me',
        `GET /v1/users/${user.id}`,
      ]);
    });

    it('rolls the badge back when the server refuses the status change', async () => {
      const { el, api, user } = await mountReady();
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      switchOf(el).click();
      dialogButton(await dialogOpened(toggleOf(el)), 'confirm').click();
      await waitUntil(() => toggleOf(el).shadowRoot?.querySelector('[role="alert"]'), 'no message');
      await settled(el, user.id);
      expect(badgeOf(el).textContent).to.equal('Active');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
    });
  });

  describe('Roles and permissions', () => {
    it('describes the chosen role and explains roles as the way to restrict a user', async () => {
      const { el } = await mountReady();
      expect(part(el, '[part~="roles-section"] [part~="intro"]').textContent).to.equal(
        'The role decides what a user can do. To restrict a user without deactivating them, give them another role.',
      );
      const select = roleSelectOf(el);
      expect([...select.options].map((option) => [option.value, option.textContent])).to.deep.equal([
        ['admin', 'Admin'],
        ['manager', 'Manager'],
        ['member', 'Member'],
        ['external', 'External'],
      ]);
      expect(select.value).to.equal('member');
      expect(select.labels?.[0]?.textContent).to.equal('Role');
      expect(applyOf(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, '[part~="role-description"]').textContent).to.equal(
        'Can use the platform with the usual access.',
      );
      chooseRole(el, 'external');
      await el.updateComplete;
      expect(part(el, '[part~="role-description"]').textContent).to.equal(
        'Can see only what is shared with them.',
      );
      expect(applyOf(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('changes the role after confirmation: instant, pending, confirmed, announced', async () => {
      const api = await referenceApi();
      const holding = holdingClient();
      const changes = count('jt-user-role-change');
      const changed = count('jt-user-role-changed');
      const { el, user } = await mountReady({ api, client: holding.client });

      chooseRole(el, 'manager');
      await el.updateComplete;
      applyOf(el).click();
      const dialog = await dialogOpened(el);
      expect(changes.events).to.have.length(1);
      const change = changes.events[0] as JtUserRoleChangeEvent;
      expect([change.detail.user.id, change.detail.role, change.cancelable]).to.deep.equal([
        user.id,
        'manager',
        true,
      ]);
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(
        `Change the role of ${isolate(user.name)}?`,
      );
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will change from Member to Manager and get the access of that role.`,
      );
      await expect(el).to.be.accessible();

      dialogButton(dialog, 'confirm').click();
      await waitUntil(() => holding.held() === 1, 'no change sent');
      await rendered(el);
      expect(fieldValue(el, 'role')).to.equal('Manager');
      expect(roleSelectOf(el).value).to.equal('manager');
      expect(applyOf(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, '[part~="pending"]').textContent).to.equal('Saving…');
      expect(deepActiveElement()).to.equal(applyOf(el));

      // A choice made while the server answers is kept for the next Apply.
      chooseRole(el, 'external');
      holding.release();
      await settled(el, user.id);
      expect(roleSelectOf(el).value).to.equal('external');
      expect(applyOf(el).getAttribute('aria-disabled')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[part~="pending"]')).to.equal(null);
      expect(api.store.get(user.id)?.role).to.equal('manager');
      expect(fieldValue(el, 'role')).to.equal('Manager');
      expect(changed.events).to.have.length(1);
      const done = changed.events[0] as JtUserRoleChangedEvent;
      expect([done.detail.user.role, done.detail.previousRole]).to.deep.equal(['manager', 'member']);
      expect(puts(holding.sent)).to.deep.equal([`PUT /v1/users/${user.id}/role`]);
      await waitUntil(() => liveRegionText() === `${isolate(user.name)} is now Manager.`, 'not announced');
    });

    for (const how of ['Cancel', 'Escape'] as const) {
      it(`sends nothing on ${how} and gives focus back to the button`, async () => {
        const changed = count('jt-user-role-changed');
        const { el, api, sent, user } = await mountReady();
        chooseRole(el, 'external');
        await el.updateComplete;
        applyOf(el).focus();
        applyOf(el).click();
        const dialog = await dialogOpened(el);
        if (how === 'Cancel') dialogButton(dialog, 'cancel').click();
        else await sendKeys({ press: 'Escape' });
        await waitUntil(() => !dialog.isOpen, 'dialog still open');
        await el.updateComplete;
        expect(fieldValue(el, 'role')).to.equal('Member');
        expect(deepActiveElement()).to.equal(applyOf(el));
        expect(puts(sent)).to.deep.equal([]);
        expect(changed.events).to.have.length(0);
        expect(api.store.get(user.id)?.role).to.equal('member');
      });
    }

    it('leaves the flow to the host when jt-user-role-change is prevented', async () => {
      const { el, sent } = await mountReady();
      el.addEventListener('jt-user-role-change', (event) => event.preventDefault(), { once: true });
      chooseRole(el, 'admin');
      await el.updateComplete;
      const seen = oneEvent(el, 'jt-user-role-change');
      applyOf(el).click();
      expect((await seen).defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(dialogOf(el).isOpen).to.equal(false);
      expect(puts(sent)).to.deep.equal([]);
    });

    it('warns an Admin who picks another role for themself that they lose access, Cancel first', async () => {
      const api = await referenceApi();
      const self = api.store.get(demoUserIds.admin)!;
      const { el, sent } = await mountReady({ api, user: self });

      chooseRole(el, 'member');
      await el.updateComplete;
      applyOf(el).click();
      const dialog = await dialogOpened(el);
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        'You will become Member and no longer be able to view or change users. Only another Admin can undo this.',
      );
      expect(dialog.tone).to.equal('danger');
      expect(deepActiveElement()?.getAttribute('part')).to.equal('cancel-button');
      dialogButton(dialog, 'cancel').click();
      await waitUntil(() => !dialog.isOpen, 'dialog still open');
      expect(puts(sent)).to.deep.equal([]);
      expect(api.store.get(self.id)?.role).to.equal('admin');
    });

    it('takes a self-demotion whose answer was lost as done, from what the server says of the Admin', async () => {
      const api = await referenceApi();
      const changed = count('jt-user-role-changed');
      const self = api.store.get(demoUserIds.admin)!;
      const { el } = await mountReady({ api, user: self });
      // Applied, then the connection drops: the Admin, now a Manager, may no longer read users.
      api.faults.loseAnswerNext(1, { match: { method: 'PUT' } });

      chooseRole(el, 'manager');
      await el.updateComplete;
      applyOf(el).click();
      dialogButton(await dialogOpened(el), 'confirm').click();
      await waitUntil(() => changed.events.length === 1, 'the change was not confirmed');
      await el.updateComplete;
      expect(api.store.get(self.id)?.role).to.equal('manager');
      expect(el.store?.get(self.id)?.role).to.equal('manager');
      expect(el.access).to.equal('denied');
      expect(el.shadowRoot!.querySelector('[part~="access-denied"]')).not.to.equal(null);
    });

    it('rolls back and explains last_admin when the only Admin demotes themself', async () => {
      const api = await referenceApi();
      // Leave the signed-in Admin as the organization's only active Admin.
      for (const other of api.store.all()) {
        if (other.role === 'admin' && other.id !== demoUserIds.admin)
          api.store.upsert({ ...other, status: 'inactive' });
      }
      const errors = count('jt-error');
      const changed = count('jt-user-role-changed');
      const denied = count('jt-access-denied');
      const self = api.store.get(demoUserIds.admin)!;
      const { el, sent } = await mountReady({ api, user: self });
      api.faults.latencyMs = 100;

      chooseRole(el, 'manager');
      await el.updateComplete;
      applyOf(el).click();
      dialogButton(await dialogOpened(el), 'confirm').click();
      // Until the server answers, the Admin keeps the access they had.
      await waitUntil(() => el.store?.isPending(self.id, 'role'), 'not pending');
      await el.updateComplete;
      expect(fieldValue(el, 'role')).to.equal('Manager');
      expect(el.access).to.equal('admin');
      expect(el.shadowRoot!.querySelector('[part~="access-denied"]')).to.equal(null);
      await waitUntil(
        () => el.shadowRoot?.querySelector('[part~="roles-section"] [role="alert"]'),
        'no message',
      );
      await settled(el, self.id);

      expect(part(el, '[part~="roles-section"] [role="alert"]').textContent).to.equal(
        'This change would leave the organization without an active Admin. Make another user an Admin first.',
      );
      expect(applyOf(el).getAttribute('aria-describedby')).to.equal('role-message');
      expect(fieldValue(el, 'role')).to.equal('Admin');
      expect(roleSelectOf(el).value).to.equal('admin');
      expect(api.store.get(self.id)?.role).to.equal('admin');
      expect(puts(sent)).to.deep.equal([`PUT /v1/users/${self.id}/role`]);
      expect(
        errors.events.map((event) => [(event as JtErrorEvent).error.code, (event as JtErrorEvent).operation]),
      ).to.deep.equal([['last_admin', 'role']]);
      expect(changed.events).to.have.length(0);
      expect(denied.events).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('says clearly that a user does not exist (404)', async () => {
      const errors = count('jt-error');
      const { el } = await mount({ id: 'usr_nobody' });
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="not-found"]'), 'no not-found message');
      expect(part(el, '[part~="not-found"]').textContent).to.equal(
        'There is no user with this ID. Check the link that led here.',
      );
      expect(el.shadowRoot!.querySelector('section')).to.equal(null);
      expect((errors.events[0] as JtErrorEvent | undefined)?.detail.error.code).to.equal('not_found');
      await expect(el).to.be.accessible();
    });

    it('shows a load failure with a Retry that works', async () => {
      const api = await referenceApi();
      const errors = count('jt-error');
      const user = someMember(api);
      api.faults.failNext(1, 503, { match: { method: 'GET', path: `/v1/users/${user.id}` } });
      const { el } = await mount({ api, user });
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="error"]'), 'no error shown');
      expect(part(el, '[part~="error"] [role="alert"]').textContent).to.equal(
        'The user could not be loaded. The server had a problem. Try again later.',
      );
      expect(errors.events.map((event) => (event as JtErrorEvent).detail.operation)).to.deep.equal(['load']);
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, '[part~="retry-button"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="name"]'), 'retry did not load');
      expect(part(el, '[part~="name"]').textContent).to.equal(user.name);
      // Retry went with the notice: the keyboard carries on from the profile's first control.
      expect(deepActiveElement()?.getAttribute('part')).to.equal('role-select');
    });

    it('loads by user-id when a framework host passes null for a user it does not have', async () => {
      const api = await referenceApi();
      const user = someMember(api, { status: 'inactive' });
      const { client, sent } = recordingClient();
      const el = await fixture<JtUserProfile>(
        html`<jt-user-profile .client=${client} user-id=${user.id} .user=${null}></jt-user-profile>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="status-badge"]'), 'not shown');
      expect(badgeOf(el).textContent).to.equal('Inactive');
      expect(sent).to.include(`GET /v1/users/${user.id}`);
    });

    it('shows loading while the user is on its way', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      api.faults.hangNext(1, { match: { method: 'GET', path: `/v1/users/${user.id}` } });
      const { el } = await mount({ api, user });
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="loading"]') && el.viewer, 'not loading');
      expect(part(el, '[part~="loading"]').textContent).to.equal('Loading…');
      await expect(el).to.be.accessible();
    });

    it('aborts the old request when user-id changes, clears its message and shows the new user', async () => {
      const api = await referenceApi();
      const errors = count('jt-error');
      const holding = holdingClient();
      const first = someMember(api);
      const second = api.store.get(demoUserIds.member)!;
      const third = api.store.get(demoUserIds.external)!;
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      const { el } = await mountReady({ api, user: first, client: holding.client });

      // A role message for the first user must not follow to the next one.
      chooseRole(el, 'manager');
      await el.updateComplete;
      applyOf(el).click();
      dialogButton(await dialogOpened(el), 'confirm').click();
      await waitUntil(() => holding.held() === 1, 'no change sent');
      holding.release();
      await waitUntil(
        () => el.shadowRoot?.querySelector('[part~="roles-section"] [role="alert"]'),
        'no message',
      );
      errors.events.length = 0;

      api.faults.hangNext(1, { match: { method: 'GET', path: `/v1/users/${second.id}` } });
      el.userId = second.id;
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="loading"]'), 'not loading the second user');
      el.userId = third.id;
      await waitUntil(
        () => el.shadowRoot?.querySelector('[part~="name"]')?.textContent === third.name,
        'third user not shown',
      );
      expect(holding.aborted).to.deep.equal([`GET /v1/users/${second.id}`]);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(roleSelectOf(el).value).to.equal('external');
      await waitUntil(() => toggleOf(el).shadowRoot?.querySelector('[role="switch"]'), 'no switch');
      expect(switchOf(el).getAttribute('aria-label')).to.equal(`${third.name} can log in`);
      expect(errors.events).to.have.length(0);
    });

    it('still tells the page about its switch’s change when it moved on to a user still loading', async () => {
      const api = await referenceApi();
      const changed = count('jt-user-status-changed');
      const holding = holdingClient();
      const first = someMember(api);
      const second = api.store.get(demoUserIds.member)!;
      const { el } = await mountReady({ api, user: first, client: holding.client });
      switchOf(el).click();
      dialogButton(await dialogOpened(toggleOf(el)), 'confirm').click();
      await eventually(() => holding.held() === 1, 'no change sent');

      // The host shows the next user (a router reusing the element); its switch goes meanwhile.
      api.faults.hangNext(1, { match: { method: 'GET', path: `/v1/users/${second.id}` } });
      el.userId = second.id;
      await eventually(
        () => el.shadowRoot?.querySelector('[part~="loading"]'),
        'not loading the second user',
      );
      holding.release();
      await eventually(() => changed.events.length === 1, 'the page was not told of the change');
      const event = changed.events[0] as JtUserStatusChangedEvent;
      expect([event.user.id, event.user.status]).to.deep.equal([first.id, 'inactive']);
      expect(event.target === el, 'the event did not come from the profile').to.equal(true);
    });

    it('says so when no client is configured', async () => {
      const el = await fixture<JtUserProfile>(html`<jt-user-profile user-id="usr_1"></jt-user-profile>`);
      expect(part(el, '[part~="notice"]').textContent).to.equal(
        'No user API is configured for this element.',
      );
    });

    it('says so when no user is given', async () => {
      await referenceApi();
      const { client } = recordingClient();
      const el = await fixture<JtUserProfile>(html`<jt-user-profile .client=${client}></jt-user-profile>`);
      await waitUntil(() => el.access === 'admin', 'access not checked');
      await el.updateComplete;
      expect(part(el, '[part~="notice"]').textContent).to.equal('No user is selected.');
    });
  });

  describe('who may use it', () => {
    for (const role of ['manager', 'member', 'external'] as const) {
      it(`shows a ${role} an explanation, no controls, and requests no user`, async () => {
        const denied = count('jt-access-denied');
        const { el, sent } = await mount({ token: demoTokens[role] });
        await waitUntil(() => el.shadowRoot?.querySelector('[part~="access-denied"]'), 'no explanation');
        const label = { manager: 'Manager', member: 'Member', external: 'External' }[role];
        expect(part(el, '[part~="access-denied"]').textContent).to.equal(
          `You are signed in as ${label}. Only Admins can view and change users.`,
        );
        for (const selector of ['section', 'select', 'button', 'jt-user-status-toggle']) {
          expect(el.shadowRoot!.querySelector(selector), selector).to.equal(null);
        }
        expect(sent).to.deep.equal(['GET /v1/me']);
        await el.updateComplete;
        expect(denied.events).to.have.length(1);
        expect((denied.events[0] as JtAccessDeniedEvent).detail.currentUser?.role).to.equal(role);
        await expect(el).to.be.accessible();
      });
    }

    it('takes a 403 to its switch as lost access: the whole profile says so once, and the page’s table too', async () => {
      const { el, api, user } = await mountReady();
      const table = await fixture<JtUserTable>(html`<jt-user-table .client=${el.client}></jt-user-table>`);
      await eventually(() => table.shadowRoot?.querySelector('tbody tr'), 'the table showed no rows');
      // Another Admin made this one a Manager while the page was open.
      const admin = api.store.get(demoUserIds.admin)!;
      api.store.upsert({ ...admin, role: 'manager' });
      const denied = count('jt-access-denied');

      switchOf(el).click();
      dialogButton(await dialogOpened(toggleOf(el)), 'confirm').click();
      await eventually(
        () => el.shadowRoot?.querySelector('[part~="access-denied"]'),
        'the profile still offers controls',
      );
      expect(part(el, '[part~="access-denied"]').textContent).to.equal(en.errorForbidden);
      expect(el.shadowRoot!.querySelector('select') === null, 'the role field is still offered').to.equal(
        true,
      );
      expect(api.store.get(user.id)?.status).to.equal('active');
      // The table learns it from the signed-in user, asked for again.
      await eventually(
        () => table.shadowRoot?.querySelector('[part~="access-denied"]'),
        'the table still offers controls',
      );
      expect(part(table, '[part~="access-denied"]').textContent).to.equal(
        'You are signed in as Manager. Only Admins can view and change users.',
      );
      await Promise.all([el.updateComplete, table.updateComplete]);
      expect(denied.events.map((event) => (event.target as Element).localName)).to.deep.equal([
        'jt-user-profile',
        'jt-user-table',
      ]);
    });

    it('offers the signed-in Admin no deactivation of their own account, and says why', async () => {
      const api = await referenceApi();
      const changes = count('jt-user-status-change');
      const self = api.store.get(demoUserIds.admin)!;
      const { el, sent } = await mountReady({ api, user: self });
      expect(switchOf(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(toggleOf(el), '[part~="hint"]').textContent).to.equal(
        'This is your own account. You cannot deactivate yourself.',
      );
      switchOf(el).click();
      await rendered(el);
      expect(dialogOf(toggleOf(el)).isOpen).to.equal(false);
      expect(changes.events).to.have.length(0);
      expect(puts(sent)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard only', () => {
    it('changes the role, then deactivates, with Tab, arrows, Space and Enter', async () => {
      const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
      const { el, api, user } = await mountReady();
      before.focus();

      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(roleSelectOf(el));
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(roleSelectOf(el).value).to.equal('manager');
      expect(part(el, '[part~="role-description"]').textContent).to.equal(
        'Can manage the platform’s content and settings, but not users.',
      );

      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(applyOf(el));
      await sendKeys({ press: 'Enter' });
      const roleDialog = await dialogOpened(el);
      expect(deepActiveElement()).to.equal(dialogButton(roleDialog, 'confirm'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => api.store.get(user.id)?.role === 'manager', 'role not changed');
      await settled(el, user.id);
      expect(deepActiveElement()).to.equal(applyOf(el));

      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(switchOf(el));
      await sendKeys({ press: 'Space' });
      const statusDialog = await dialogOpened(toggleOf(el));
      expect(deepActiveElement()).to.equal(dialogButton(statusDialog, 'cancel'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => api.store.get(user.id)?.status === 'inactive', 'not deactivated');
      await settled(el, user.id);
      expect(deepActiveElement()).to.equal(switchOf(el));
      expect(badgeOf(el).textContent).to.equal('Inactive');
    });
  });

  describe('languages', () => {
    it('speaks German inside lang="de", dates included', async () => {
      const api = await referenceApi();
      const user = someMember(api, {
        statusChangedAt: '2025-02-10T14:30:00.000Z',
        statusChangedBy: { id: demoUserIds.admin, name: 'Ada Lindqvist' },
      });
      const { el } = await mountReady({ api, user, lang: 'de' });
      const headings = [...shadow(el).querySelectorAll('[part~="section-heading"]')].map(
        (heading) => heading.textContent,
      );
      expect(headings).to.deep.equal(['Profil', 'Rollen und Berechtigungen', 'Weitere Einstellungen']);
      expect(badgeOf(el).textContent).to.equal('Aktiv');
      expect(fieldValue(el, 'role')).to.equal('Mitglied');
      expect(formatDate(user.createdAt, 'de')).not.to.equal(formatDate(user.createdAt, 'en'));
      expect(fieldValue(el, 'createdAt')).to.equal(formatDate(user.createdAt, 'de'));
      expect(fieldValue(el, 'statusChangedAt')).to.equal(
        `${formatDateTime('2025-02-10T14:30:00.000Z', 'de')} von Ada Lindqvist`,
      );
      expect(roleSelectOf(el).labels?.[0]?.textContent).to.equal('Rolle');
      expect(applyOf(el).textContent?.trim()).to.equal('Rolle ändern');
      expect(switchOf(el).getAttribute('aria-label')).to.equal(`${user.name} kann sich anmelden`);

      chooseRole(el, 'external');
      await el.updateComplete;
      applyOf(el).click();
      const dialog = await dialogOpened(el);
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(
        `Rolle von ${isolate(user.name)} ändern?`,
      );
      dialog.close();
    });
  });
});
