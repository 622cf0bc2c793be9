import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@jt-users/elements/define';
import {
  de,
  en,
  setStrings,
  type JtAccessDeniedEvent,
  type JtConfirmDialog,
  type JtErrorEvent,
  type JtUserStatusChangeEvent,
  type JtUserStatusChangedEvent,
  type JtUserStatusToggle,
  isolate,
} from '@jt-users/elements';
import type { UsersClient } from '@jt-users/sdk';
import type { User } from '@jt-users/sdk/schemas';
import { demoTokens, demoUserIds, type ReferenceApi } from '@jt-users/reference-api/browser';
import {
  deepActiveElement,
  eventually,
  liveRegionText,
  part,
  holdingClient,
  recordingClient,
  referenceApi,
  someMember,
} from './support.js';

const puts = (sent: string[]) => sent.filter((line) => line.startsWith('PUT'));

function switchOf(el: JtUserStatusToggle): HTMLButtonElement {
  return part<HTMLButtonElement>(el, '[role="switch"]');
}

function dialogOf(el: JtUserStatusToggle): JtConfirmDialog {
  return part<JtConfirmDialog>(el, 'jt-confirm-dialog');
}

function dialogButton(el: JtUserStatusToggle, which: 'confirm' | 'cancel'): HTMLButtonElement {
  return part<HTMLButtonElement>(dialogOf(el), `[part~="${which}-button"]`);
}

async function dialogOpened(el: JtUserStatusToggle): Promise<JtConfirmDialog> {
  await eventually(
    () => el.shadowRoot?.querySelector('jt-confirm-dialog')?.isOpen,
    'the confirm dialog did not open',
  );
  const dialog = dialogOf(el);
  await dialog.updateComplete;
  return dialog;
}

/** The two toggles in `wrapper`, once both show their switch. */
async function twoSwitches(wrapper: HTMLElement): Promise<[JtUserStatusToggle, JtUserStatusToggle]> {
  const toggles = [...wrapper.querySelectorAll('jt-user-status-toggle')] as [
    JtUserStatusToggle,
    JtUserStatusToggle,
  ];
  await eventually(
    () => toggles.every((toggle) => toggle.shadowRoot?.querySelector('[role="switch"]')),
    'the switches did not render',
  );
  return toggles;
}

async function settled(el: JtUserStatusToggle, id: string): Promise<void> {
  await eventually(() => !el.store?.isPending(id), 'the change did not settle');
  await el.updateComplete;
}

/** Counts the events of a type that reach the document. */
function count(type: keyof GlobalEventHandlersEventMap): { events: Event[] } {
  const seen = { events: [] as Event[] };
  const listener = (event: Event) => seen.events.push(event);
  document.addEventListener(type, listener);
  afterEach(() => document.removeEventListener(type, listener));
  return seen;
}

/**
 * Mounts a toggle inside a `lang` wrapper. Pass the `api` a test has already arranged (faults,
 * users); without one, a freshly reset API is used.
 */
async function mount(
  options: {
    api?: ReferenceApi;
    user?: User;
    token?: string;
    client?: UsersClient;
    lang?: string;
    id?: string;
  } = {},
): Promise<{ el: JtUserStatusToggle; api: ReferenceApi; sent: string[]; user: User }> {
  const api = options.api ?? (await referenceApi());
  const recording = recordingClient(options.token);
  const client = options.client ?? recording.client;
  const user = options.user ?? someMember(api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en'}>
      <jt-user-status-toggle .client=${client} user-id=${options.id ?? user.id}></jt-user-status-toggle>
    </div>`,
  );
  const el = wrapper.querySelector('jt-user-status-toggle')!;
  return { el, api, sent: recording.sent, user };
}

async function mountReady(options: Parameters<typeof mount>[0] = {}) {
  const mounted = await mount(options);
  await eventually(
    () => mounted.el.shadowRoot?.querySelector('[role="switch"]'),
    'the switch did not render',
  );
  return mounted;
}

describe('<jt-user-status-toggle>', () => {
  describe('showing a user', () => {
    it('loads the user by id and shows a labelled switch', async () => {
      const { el, sent, user } = await mountReady();
      const button = switchOf(el);
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-checked')).to.equal('true');
      expect(button.getAttribute('aria-label')).to.equal(`${user.name} can log in`);
      expect(part(el, '[part~="label"]').textContent).to.equal('Active');
      expect(sent).to.deep.equal(['GET /v1/me', `GET /v1/users/${user.id}`]);
      await expect(el).to.be.accessible();
    });

    it('needs no user request when given the user object, nor any with the current user too', async () => {
      const api = await referenceApi();
      const { client, sent } = recordingClient();
      const user = someMember(api, { status: 'inactive' });
      const el = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle .client=${client} .user=${user}></jt-user-status-toggle>`,
      );
      await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'));
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(part(el, '[part~="label"]').textContent).to.equal('Inactive');
      expect(sent).to.deep.equal(['GET /v1/me']);

      const viewer = api.store.get(demoUserIds.admin)!;
      const second = recordingClient();
      const quiet = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle
          .client=${second.client}
          .currentUser=${viewer}
          .user=${user}
        ></jt-user-status-toggle>`,
      );
      await eventually(() => quiet.shadowRoot?.querySelector('[role="switch"]'));
      expect(second.sent).to.deep.equal([]);
    });

    it('shows the load failure with a Retry that works, and fires jt-error for it', async () => {
      const api = await referenceApi();
      const errors = count('jt-error');
      const user = someMember(api);
      api.faults.failNext(1, 503, { match: { method: 'GET', path: `/v1/users/${user.id}` } });
      const { el } = await mount({ api, user });
      await eventually(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error shown');
      expect(part(el, '[role="alert"]').textContent).to.contain('The user could not be loaded.');
      expect(
        errors.events.map((event) => [(event as JtErrorEvent).error.code, (event as JtErrorEvent).operation]),
      ).to.deep.equal([['server_error', 'load']]);
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, '[part~="retry-button"]').click();
      await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'retry did not load');
    });

    it('keeps showing a user it already has when a reload fails', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      const { client } = recordingClient();
      await mountReady({ api, user, client });
      const errors = count('jt-error');
      api.faults.failNext(1, 503, { match: { method: 'GET', path: `/v1/users/${user.id}` } });
      // A second toggle on the same client: the store has the user, its own load fails.
      const { el } = await mount({ api, user, client });
      await eventually(() => errors.events.length > 0, 'the reload did not fail');
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    });

    it('says that a user does not exist (404), without a Retry that could not help', async () => {
      const errors = count('jt-error');
      const { el } = await mount({ id: 'usr_nobody' });
      await eventually(() => el.shadowRoot?.querySelector('[part~="not-found"]'), 'no not-found message');
      expect(part(el, '[part~="not-found"]').textContent).to.equal(
        'There is no user with this ID. Check the link that led here.',
      );
      expect(el.shadowRoot!.querySelector('[role="switch"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
      expect(
        errors.events.map((event) => [(event as JtErrorEvent).error.code, (event as JtErrorEvent).operation]),
      ).to.deep.equal([['not_found', 'load']]);
      await expect(el).to.be.accessible();
    });

    it('renders a hostile name as text', async () => {
      const api = await referenceApi();
      const hostile = '<img src=x onerror=alert(1)>';
      const user = someMember(api, { name: hostile });
      const { el } = await mountReady({ api, user });
      expect(switchOf(el).getAttribute('aria-label')).to.equal(`${hostile} can log in`);
      switchOf(el).click();
      const dialog = await dialogOpened(el);
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(`Deactivate ${isolate(hostile)}?`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(dialog.shadowRoot!.querySelector('img')).to.equal(null);
      dialog.close();
    });

    it('speaks German inside lang="de", and follows a change of lang', async () => {
      const { el, user } = await mountReady({ lang: 'de' });
      expect(part(el, '[part~="label"]').textContent).to.equal('Aktiv');
      expect(switchOf(el).getAttribute('aria-label')).to.equal(`${user.name} kann sich anmelden`);
      switchOf(el).click();
      const dialog = await dialogOpened(el);
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(`${isolate(user.name)} deaktivieren?`);
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} wird sich nicht mehr anmelden können.`,
      );
      expect(dialogButton(el, 'cancel').textContent?.trim()).to.equal('Abbrechen');
      expect(dialogButton(el, 'confirm').textContent?.trim()).to.equal('Deaktivieren');
      dialog.close();
      el.parentElement!.setAttribute('lang', 'en');
      await eventually(
        () => part(el, '[part~="label"]').textContent === 'Active',
        'did not switch to English',
      );
    });

    it('cancels its open dialog when the host shows another user, loaded or not', async () => {
      const { el, api, sent, user } = await mountReady();
      const members = api.store.all().filter((other) => other.role === 'member' && other.id !== user.id);
      // The next user is in the shared cache already (listed before, say); the one after is not.
      await el.store!.load(members[0]!.id);
      for (const next of [members[0]!, members[1]!]) {
        switchOf(el).click();
        const dialog = await dialogOpened(el);
        const shown = el.userId;
        el.userId = next.id;
        await eventually(() => !dialog.isOpen, `the dialog about ${shown} stayed open`);
        await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'the next user never showed');
      }
      expect(sent.filter((request) => request.startsWith('PUT'))).to.deep.equal([]);
    });

    it('opens no dialog when the host shows another user in the same moment the switch is used', async () => {
      const { el, api, sent, user } = await mountReady();
      const next = api.store.all().find((other) => other.role === 'member' && other.id !== user.id)!;
      await el.store!.load(next.id);
      switchOf(el).click();
      el.userId = next.id;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(dialogOf(el).isOpen).to.equal(false);
      expect(sent.filter((request) => request.startsWith('PUT'))).to.deep.equal([]);
    });

    it('speaks the new language in a dialog already open when lang changes', async () => {
      const { el, user } = await mountReady({ lang: 'de' });
      switchOf(el).click();
      const dialog = await dialogOpened(el);
      el.parentElement!.setAttribute('lang', 'en');
      await eventually(
        () => part(dialog, '[part~="heading"]').textContent === `Deactivate ${isolate(user.name)}?`,
        'the heading stayed German',
      );
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will no longer be able to log in.`,
      );
      expect(dialogButton(el, 'confirm').textContent?.trim()).to.equal('Deactivate');
      expect(dialogButton(el, 'cancel').textContent?.trim()).to.equal('Cancel');
      dialog.close();
    });

    it('follows a change of lang inside the shadow roots of a host app around it', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      // A host app built of custom elements: its page inside a shadow root, inside another.
      const app = await fixture<HTMLDivElement>(html`<div></div>`);
      const container = document.createElement('div');
      container.lang = 'en';
      const page = document.createElement('div');
      container.append(page);
      app.attachShadow({ mode: 'open' }).append(container);
      const el = document.createElement('jt-user-status-toggle');
      el.client = recordingClient().client;
      el.userId = user.id;
      page.attachShadow({ mode: 'open' }).append(el);
      const label = () => el.shadowRoot?.querySelector('[part~="label"]')?.textContent;
      await eventually(() => label() === 'Active', 'the switch did not render');

      container.lang = 'de';
      await eventually(() => label() === 'Aktiv', 'did not switch to German');
    });

    it('uses strings a host overrides', async () => {
      setStrings('en', { deactivateConfirm: 'Switch off' });
      try {
        const { el } = await mountReady();
        switchOf(el).click();
        const dialog = await dialogOpened(el);
        expect(dialogButton(el, 'confirm').textContent?.trim()).to.equal('Switch off');
        dialog.close();
      } finally {
        setStrings('en', { deactivateConfirm: 'Deactivate' });
      }
    });

    it('keeps overrides of a language that loads on demand', async () => {
      setStrings('de', { deactivateConfirm: 'Sperren' });
      try {
        const { el } = await mountReady({ lang: 'de' });
        switchOf(el).click();
        const dialog = await dialogOpened(el);
        expect(dialogButton(el, 'confirm').textContent?.trim()).to.equal('Sperren');
        expect(dialogButton(el, 'cancel').textContent?.trim()).to.equal('Abbrechen');
        dialog.close();
      } finally {
        setStrings('de', { deactivateConfirm: 'Deaktivieren' });
      }
    });
  });

  describe('the status flow', () => {
    it('deactivates after confirmation: instant, pending, then confirmed, announced', async () => {
      const changes = count('jt-user-status-change');
      const changed = count('jt-user-status-changed');
      const { el, api, sent, user } = await mountReady();
      api.faults.latencyMs = 150; // keeps the pending state on screen long enough to look at it

      switchOf(el).click();
      const dialog = await dialogOpened(el);
      expect(changes.events).to.have.length(1);
      const change = changes.events[0] as JtUserStatusChangeEvent;
      expect(change.detail.user.id).to.equal(user.id);
      expect(change.detail.status).to.equal('inactive');
      expect(change.cancelable).to.equal(true);
      expect(part(dialog, '[part~="heading"]').textContent).to.equal(`Deactivate ${isolate(user.name)}?`);
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will no longer be able to log in.`,
      );
      expect(dialog.tone).to.equal('danger');
      expect(deepActiveElement()).to.equal(dialogButton(el, 'cancel'));
      await expect(el).to.be.accessible();

      dialogButton(el, 'confirm').click();
      await eventually(() => el.store?.isPending(user.id), 'not pending');
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(switchOf(el).getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, '[part~="pending"]').textContent).to.equal('Saving…');
      expect(deepActiveElement()).to.equal(switchOf(el));
      await expect(el).to.be.accessible();

      await settled(el, user.id);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(switchOf(el).getAttribute('aria-disabled')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[part~="pending"]')).to.equal(null);
      expect(changed.events).to.have.length(1);
      const done = changed.events[0] as JtUserStatusChangedEvent;
      expect(done.detail.user.status).to.equal('inactive');
      expect(done.detail.previousStatus).to.equal('active');
      expect(api.store.get(user.id)?.status).to.equal('inactive');
      expect(puts(sent)).to.deep.equal([`PUT /v1/users/${user.id}/status`]);
      await eventually(() => liveRegionText() === `${isolate(user.name)} was deactivated.`, 'not announced');
      await expect(el).to.be.accessible();
    });

    it('activates an inactive user, naming the role they get back', async () => {
      const api = await referenceApi();
      const user = someMember(api, { status: 'inactive' });
      const { el } = await mountReady({ api, user });
      switchOf(el).click();
      const dialog = await dialogOpened(el);
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will be able to log in again as Member.`,
      );
      expect(dialog.tone).to.equal('default');
      expect(deepActiveElement()).to.equal(dialogButton(el, 'confirm'));
      dialogButton(el, 'confirm').click();
      await eventually(() => api.store.get(user.id)?.status === 'active', 'not activated');
      await settled(el, user.id);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      await eventually(() => liveRegionText() === `${isolate(user.name)} was activated.`, 'not announced');
    });

    for (const how of ['Cancel', 'Escape'] as const) {
      it(`changes nothing and sends nothing on ${how}, and gives focus back to the switch`, async () => {
        const changed = count('jt-user-status-changed');
        const { el, sent, user, api } = await mountReady();
        switchOf(el).focus();
        switchOf(el).click();
        await dialogOpened(el);
        if (how === 'Cancel') dialogButton(el, 'cancel').click();
        else await sendKeys({ press: 'Escape' });
        await eventually(() => !dialogOf(el).isOpen, 'dialog still open');
        await el.updateComplete;
        expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
        expect(deepActiveElement()).to.equal(switchOf(el));
        expect(puts(sent)).to.deep.equal([]);
        expect(changed.events).to.have.length(0);
        expect(api.store.get(user.id)?.status).to.equal('active');
      });
    }

    it('leaves the flow to the host when jt-user-status-change is prevented', async () => {
      const { el, sent } = await mountReady();
      el.addEventListener('jt-user-status-change', (event) => event.preventDefault(), { once: true });
      const seen = oneEvent(el, 'jt-user-status-change');
      switchOf(el).click();
      expect((await seen).defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(dialogOf(el).isOpen).to.equal(false);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect(puts(sent)).to.deep.equal([]);
    });

    it('sends one request for a double click, and none for a click while pending', async () => {
      const changes = count('jt-user-status-change');
      const { el, api, sent, user } = await mountReady();
      api.faults.latencyMs = 150;
      switchOf(el).click();
      switchOf(el).click();
      await dialogOpened(el);
      expect(changes.events).to.have.length(1);
      dialogButton(el, 'confirm').click();
      dialogButton(el, 'confirm').click();
      await eventually(() => el.store?.isPending(user.id), 'not pending');
      await el.updateComplete;
      switchOf(el).click();
      await el.updateComplete;
      expect(dialogOf(el).isOpen).to.equal(false);
      await settled(el, user.id);
      expect(puts(sent)).to.deep.equal([`PUT /v1/users/${user.id}/status`]);
      expect(changes.events).to.have.length(1);
    });

    it('keeps two elements with the same client in agreement, in the same frame', async () => {
      const api = await referenceApi();
      const { client, sent } = recordingClient();
      const user = someMember(api);
      api.faults.latencyMs = 150;
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <jt-user-status-toggle id="a" .client=${client} user-id=${user.id}></jt-user-status-toggle>
          <jt-user-status-toggle id="b" .client=${client} user-id=${user.id}></jt-user-status-toggle>
        </div>`,
      );
      const [a, b] = await twoSwitches(wrapper);

      switchOf(a).click();
      await dialogOpened(a);
      dialogButton(a, 'confirm').click();
      await eventually(() => a.store?.isPending(user.id), 'not pending');
      await Promise.all([a.updateComplete, b.updateComplete]);
      expect(switchOf(b).getAttribute('aria-checked')).to.equal('false');
      expect(switchOf(b).getAttribute('aria-disabled')).to.equal('true');

      // A second confirm from the other element while pending sends nothing.
      switchOf(b).click();
      await b.updateComplete;
      expect(dialogOf(b).isOpen).to.equal(false);

      await settled(a, user.id);
      await b.updateComplete;
      expect(switchOf(b).getAttribute('aria-checked')).to.equal('false');
      expect(puts(sent)).to.deep.equal([`PUT /v1/users/${user.id}/status`]);
      expect(sent.filter((line) => line === 'GET /v1/me')).to.have.length(1);
    });

    for (const leave of ['is removed', 'shows another user'] as const) {
      it(`says aloud that a change failed when the toggle ${leave} before the answer`, async () => {
        const api = await referenceApi();
        const holding = holdingClient();
        const user = someMember(api);
        const other = api.store.all().find((each) => each.id !== user.id && each.role === 'member')!;
        // On a German page: a removed toggle has no ancestor left to learn its language from.
        const { el } = await mountReady({ api, client: holding.client, user, lang: 'de' });
        api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
        switchOf(el).click();
        await dialogOpened(el);
        dialogButton(el, 'confirm').click();
        await eventually(() => holding.held() === 1, 'the change was not sent');

        if (leave === 'is removed') el.remove();
        else el.userId = other.id;
        holding.release();
        await eventually(() => !el.store?.isPending(user.id), 'the change did not settle');
        await eventually(
          () => liveRegionText() === `${isolate(user.name)} wurde nicht geändert. ${de.errorLastAdmin}`,
          `announced: "${liveRegionText()}"`,
        );
      });
    }

    for (const outcome of ['confirmed', 'refused'] as const) {
      it(`says a change ${outcome} while another dialog is open once that dialog closes`, async () => {
        const api = await referenceApi();
        const holding = holdingClient();
        const [first, second] = api.store
          .all()
          .filter((user) => user.role === 'member' && user.status === 'active')
          .slice(-2) as [User, User];
        const wrapper = await fixture<HTMLDivElement>(
          html`<div>
            <jt-user-status-toggle .client=${holding.client} user-id=${first.id}></jt-user-status-toggle>
            <jt-user-status-toggle .client=${holding.client} user-id=${second.id}></jt-user-status-toggle>
          </div>`,
        );
        const [a, b] = await twoSwitches(wrapper);
        if (outcome === 'refused')
          api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
        switchOf(a).click();
        await dialogOpened(a);
        dialogButton(a, 'confirm').click();
        await eventually(() => holding.held() === 1, 'the change was not sent');

        // The second dialog makes the rest of the page inert, the live region too.
        switchOf(b).click();
        const open = await dialogOpened(b);
        holding.release();
        await settled(a, first.id);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(liveRegionText()).to.equal('');

        dialogButton(b, 'cancel').click();
        expect(open.isOpen).to.equal(false);
        const said =
          outcome === 'confirmed'
            ? `${isolate(first.name)} was deactivated.`
            : `${isolate(first.name)} was not changed. ${en.errorLastAdmin}`;
        await eventually(() => liveRegionText() === said, 'not said after the dialog closed');
      });
    }

    it('rolls back in every element when the server refuses', async () => {
      const api = await referenceApi();
      const { client } = recordingClient();
      const user = someMember(api);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <jt-user-status-toggle .client=${client} user-id=${user.id}></jt-user-status-toggle>
          <jt-user-status-toggle .client=${client} .user=${user}></jt-user-status-toggle>
        </div>`,
      );
      const [a, b] = await twoSwitches(wrapper);
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      switchOf(a).click();
      await dialogOpened(a);
      dialogButton(a, 'confirm').click();
      await eventually(() => a.shadowRoot?.querySelector('[role="alert"]'), 'no message');
      await b.updateComplete;
      expect(switchOf(a).getAttribute('aria-checked')).to.equal('true');
      expect(switchOf(b).getAttribute('aria-checked')).to.equal('true');
      // The message belongs next to the control that was used.
      expect(b.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    const refusals: Array<{
      name: string;
      arrange: (api: ReferenceApi) => void;
      code: string;
      message: string;
    }> = [
      {
        name: 'forbidden',
        arrange: (api) => api.faults.failNext(1, 403, { match: { method: 'PUT' } }),
        code: 'forbidden',
        message: 'You are not allowed to change users. Only Admins can.',
      },
      {
        name: 'not_found',
        arrange: (api) => api.faults.failNext(1, 404, { match: { method: 'PUT' } }),
        code: 'not_found',
        message: 'This user no longer exists.',
      },
      {
        name: 'self_deactivation',
        arrange: (api) =>
          api.faults.failNext(1, 409, { code: 'self_deactivation', match: { method: 'PUT' } }),
        code: 'self_deactivation',
        message: 'You cannot deactivate your own account.',
      },
      {
        name: 'last_admin',
        arrange: (api) => api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } }),
        code: 'last_admin',
        message:
          'This change would leave the organization without an active Admin. Make another user an Admin first.',
      },
      {
        name: 'rate_limited',
        arrange: (api) => api.faults.failNext(1, 429, { retryAfterSeconds: 30, match: { method: 'PUT' } }),
        code: 'rate_limited',
        message: 'Too many requests. Try again in 30 seconds.',
      },
      {
        name: 'a network failure',
        arrange: (api) => api.faults.dropNext(1, { match: { method: 'PUT' } }),
        code: 'network',
        message: 'The server could not be reached. Check the connection and try again.',
      },
      {
        name: 'an invalid response',
        arrange: (api) => api.faults.malformNext(1, 'schema', { match: { method: 'PUT' } }),
        code: 'invalid_response',
        message: 'The server sent an answer that could not be understood.',
      },
    ];

    for (const refusal of refusals) {
      it(`rolls back and explains ${refusal.name}, firing jt-error once`, async () => {
        const errors = count('jt-error');
        const changed = count('jt-user-status-changed');
        const denied = count('jt-access-denied');
        const { el, api, user } = await mountReady();
        refusal.arrange(api);
        switchOf(el).click();
        await dialogOpened(el);
        dialogButton(el, 'confirm').click();
        await eventually(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message shown');
        await settled(el, user.id);

        expect(part(el, '[role="alert"]').textContent).to.equal(refusal.message);
        expect(el.store?.get(user.id)?.status).to.equal('active');
        expect(errors.events).to.have.length(1);
        const error = errors.events[0] as JtErrorEvent;
        expect(error.detail.error.code).to.equal(refusal.code);
        expect(error.detail.operation).to.equal('status');
        expect(changed.events).to.have.length(0);
        expect(api.store.get(user.id)?.status).to.equal('active');
        if (refusal.code === 'forbidden') {
          // A 403 means "not an Admin": no control is offered any more.
          expect(el.shadowRoot!.querySelector('[role="switch"]')).to.equal(null);
          expect(denied.events).to.have.length(1);
        } else {
          expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
          expect(switchOf(el).getAttribute('aria-describedby')).to.contain('message');
          expect(denied.events).to.have.length(0);
        }
        await expect(el).to.be.accessible();
      });
    }

    it('clears the message when the next attempt succeeds', async () => {
      const { el, api, user } = await mountReady();
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      switchOf(el).click();
      await dialogOpened(el);
      dialogButton(el, 'confirm').click();
      await eventually(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message');
      switchOf(el).click();
      await dialogOpened(el);
      dialogButton(el, 'confirm').click();
      await eventually(() => api.store.get(user.id)?.status === 'inactive', 'not deactivated');
      await settled(el, user.id);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    /**
     * A toggle whose deactivation failed without an answer (the connection dropped before the
     * server saw it) and whose check found the user unchanged; `applyLate` then makes the change
     * on the server, as a request held up on its way would.
     */
    async function failedWithUnknownOutcome(options: Parameters<typeof mount>[0] = {}) {
      const mounted = await mountReady(options);
      const { el, api, user } = mounted;
      api.faults.dropNext(1, { match: { method: 'PUT' } });
      switchOf(el).click();
      await dialogOpened(el);
      dialogButton(el, 'confirm').click();
      await eventually(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message shown');
      expect(switchOf(el).getAttribute('aria-checked'), 'the check found the user unchanged').to.equal(
        'true',
      );
      const admin = api.store.get(demoUserIds.admin)!;
      const applyLate = () => api.store.setStatus({ id: admin.id, name: admin.name }, user.id, 'inactive');
      return { ...mounted, applyLate };
    }

    const alertShown = (el: JtUserStatusToggle) => el.shadowRoot!.querySelector('[role="alert"]') !== null;

    /**
     * Waits for what the store's next read brings. The first read comes 2 s after the failure, the
     * second 8 s later: long enough to catch the second on a busy machine.
     */
    const afterNextRead = (predicate: () => unknown, message: string) =>
      waitUntil(predicate, message, { timeout: 12_000 });

    /**
     * {@link failedWithUnknownOutcome}; then the person asks for the change again, and while that
     * dialog is open a later read finds the change applied.
     */
    async function foundAppliedWhileAskedAgain() {
      const failed = await failedWithUnknownOutcome();
      switchOf(failed.el).click();
      await dialogOpened(failed.el);
      failed.applyLate();
      await afterNextRead(() => !alertShown(failed.el), 'the later read did not come');
      return failed;
    }

    it('ends the failure and confirms the change when the server turns out to have applied it late', async function () {
      this.timeout(20_000);
      const errors = count('jt-error');
      const changed = count('jt-user-status-changed');
      const { el, user, applyLate } = await failedWithUnknownOutcome();

      applyLate();
      await afterNextRead(
        () => switchOf(el).getAttribute('aria-checked') === 'false',
        'the late change did not show',
      );
      await el.updateComplete;
      expect(alertShown(el), 'the failure no longer holds').to.equal(false);
      expect(errors.events).to.have.length(1);
      expect(changed.events).to.have.length(1);
      const event = changed.events[0] as JtUserStatusChangedEvent;
      expect(event.detail.user.status).to.equal('inactive');
      expect(event.detail.previousStatus).to.equal('active');
      await eventually(() => liveRegionText() === `${isolate(user.name)} was deactivated.`, 'not announced');
    });

    it('confirms a change found applied late once, when the person is confirming it again meanwhile', async function () {
      this.timeout(20_000);
      const changed = count('jt-user-status-changed');
      const { el, api, user, sent } = await foundAppliedWhileAskedAgain();
      expect(changed.events, 'nothing said while the dialog asks').to.have.length(0);
      dialogButton(el, 'confirm').click();
      await eventually(() => changed.events.length === 1, 'the change was not confirmed');
      await settled(el, user.id);
      expect(puts(sent), 'the first attempt and the confirmed one').to.have.length(2);
      expect(api.store.get(user.id)?.status).to.equal('inactive');
      await eventually(() => liveRegionText() === `${isolate(user.name)} was deactivated.`, 'not announced');
      // Said once: the region holds the message, not the message twice.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(liveRegionText()).to.equal(`${isolate(user.name)} was deactivated.`);
      expect(changed.events).to.have.length(1);
    });

    it('confirms a change found applied late when the person cancels asking for it again', async function () {
      this.timeout(20_000);
      const changed = count('jt-user-status-changed');
      const { el, user, sent } = await foundAppliedWhileAskedAgain();
      expect(changed.events, 'nothing said while the dialog asks').to.have.length(0);
      dialogButton(el, 'cancel').click();
      await eventually(() => changed.events.length === 1, 'the change found applied was never confirmed');
      expect(puts(sent), 'only the first attempt').to.have.length(1);
      await eventually(() => liveRegionText() === `${isolate(user.name)} was deactivated.`, 'not announced');
    });

    it('says a change found applied late in the page’s language after the element was removed', async function () {
      this.timeout(20_000);
      const { el, user, applyLate } = await failedWithUnknownOutcome({ lang: 'de' });
      // Another element of the same client is still on the page, so the store keeps reading.
      const unsubscribe = el.store!.subscribe(() => {});
      try {
        el.remove();
        applyLate();
        await afterNextRead(
          () => liveRegionText() === `${isolate(user.name)} wurde deaktiviert.`,
          'not announced in German',
        );
      } finally {
        unsubscribe();
      }
    });

    it('explains refusals in German too', async () => {
      const { el, api } = await mountReady({ lang: 'de' });
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });
      switchOf(el).click();
      await dialogOpened(el);
      dialogButton(el, 'confirm').click();
      await eventually(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message');
      expect(part(el, '[role="alert"]').textContent).to.equal(
        'Nach dieser Änderung hätte die Organisation keinen aktiven Admin mehr. Machen Sie zuerst einen anderen Benutzer zum Admin.',
      );

      // A message on screen follows a change of language, like every other text.
      el.parentElement!.setAttribute('lang', 'en');
      await eventually(
        () => part(el, '[role="alert"]').textContent === en.errorLastAdmin,
        'the message stayed German',
      );
    });
  });

  describe('who may use it', () => {
    for (const role of ['manager', 'member', 'external'] as const) {
      it(`shows a ${role} an explanation instead of the switch, and requests no user`, async () => {
        const denied = count('jt-access-denied');
        const { el, sent } = await mount({ token: demoTokens[role] });
        await eventually(() => el.shadowRoot?.querySelector('[part~="access-denied"]'), 'no explanation');
        expect(el.shadowRoot!.querySelector('[role="switch"]')).to.equal(null);
        const expectedRole = { manager: 'Manager', member: 'Member', external: 'External' }[role];
        expect(part(el, '[part~="access-denied"]').textContent).to.equal(
          `You are signed in as ${expectedRole}. Only Admins can view and change users.`,
        );
        expect(sent).to.deep.equal(['GET /v1/me']);
        await el.updateComplete;
        expect(denied.events).to.have.length(1);
        expect((denied.events[0] as JtAccessDeniedEvent).detail.currentUser?.role).to.equal(role);
        await expect(el).to.be.accessible();
      });
    }

    it('offers the signed-in Admin no deactivation of their own account, and says why', async () => {
      const api = await referenceApi();
      const self = api.store.get(demoUserIds.admin)!;
      const changes = count('jt-user-status-change');
      const { el, sent } = await mountReady({ api, user: self });
      const button = switchOf(el);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, '[part~="hint"]').textContent).to.equal(
        'This is your own account. You cannot deactivate yourself.',
      );
      expect(button.getAttribute('aria-describedby')).to.equal('hint');
      button.click();
      await el.updateComplete;
      expect(dialogOf(el).isOpen).to.equal(false);
      expect(changes.events).to.have.length(0);
      expect(puts(sent)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says so when no client is configured', async () => {
      const el = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle user-id="usr_1"></jt-user-status-toggle>`,
      );
      expect(part(el, '[part~="notice"]').textContent).to.equal(
        'No user API is configured for this element.',
      );
    });

    it('shares one client per api-base, and explains a missing session with a Retry', async () => {
      const api = await referenceApi();
      const errors = count('jt-error');
      const user = someMember(api);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <jt-user-status-toggle api-base="/api" user-id=${user.id}></jt-user-status-toggle>
          <jt-user-status-toggle api-base="/api" user-id=${user.id}></jt-user-status-toggle>
          <jt-user-status-toggle api-base="/other-api" user-id=${user.id}></jt-user-status-toggle>
        </div>`,
      );
      const [a, b, c] = [...wrapper.querySelectorAll('jt-user-status-toggle')] as JtUserStatusToggle[];
      expect(a!.store).to.equal(b!.store);
      expect(a!.store).not.to.equal(c!.store);
      // No bearer token and no session cookie: the API answers 401 to the current-user request.
      await eventually(() => a!.shadowRoot?.querySelector('[role="alert"]'), 'no explanation');
      expect(part(a!, '[role="alert"]').textContent).to.equal(
        'Your access could not be checked. Your session has ended. Sign in again.',
      );
      expect(a!.shadowRoot!.querySelector('[part~="retry-button"]')).not.to.equal(null);
      expect(a!.shadowRoot!.querySelector('[role="switch"]')).to.equal(null);
      const currentUserErrors = errors.events.filter(
        (event) => (event as JtErrorEvent).operation === 'current-user',
      );
      expect(currentUserErrors.map((event) => (event as JtErrorEvent).error.code)).to.include(
        'unauthenticated',
      );
      await expect(a!).to.be.accessible();
    });
  });

  describe('the signed-in user, as the host gives it', () => {
    it('follows a newer copy of them: a role taken away or given counts at once', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      const viewer = api.store.get(demoUserIds.admin)!;
      const { client } = recordingClient();
      const denied = count('jt-access-denied');
      const el = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle
          .client=${client}
          .currentUser=${{ ...viewer, role: 'member' }}
          .user=${user}
        ></jt-user-status-toggle>`,
      );
      await eventually(() => el.shadowRoot?.querySelector('[part~="access-denied"]'), 'not denied');
      expect(denied.events).to.have.length(1);
      // The host learns that they are an Admin after all (its session was refreshed, say).
      el.currentUser = { ...viewer };
      await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'no switch for the Admin');
      // And that they are not any more.
      el.currentUser = { ...viewer, role: 'manager' };
      await eventually(() => el.shadowRoot?.querySelector('[part~="access-denied"]'), 'not denied again');
      expect(part(el, '[part~="access-denied"]').textContent?.trim()).to.equal(
        en.accessDenied(en.role('manager')),
      );
      expect(denied.events).to.have.length(2);
    });

    it('keeps a newer cached copy when another element is given the copy of sign-in', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      const signIn = api.store.get(demoUserIds.admin)!;
      const { client } = recordingClient();
      /** A toggle of `user` for the signed-in user as the host kept them at sign-in. */
      const mountWithSignIn = () =>
        fixture<JtUserStatusToggle>(
          html`<jt-user-status-toggle
            .client=${client}
            .currentUser=${signIn}
            .user=${user}
          ></jt-user-status-toggle>`,
        );
      const first = await mountWithSignIn();
      await eventually(() => first.shadowRoot?.querySelector('[role="switch"]'), 'no switch');
      // They became a Manager here since (the store has the server's answer).
      first.store!.put({ ...signIn, role: 'manager' });
      await eventually(() => first.shadowRoot?.querySelector('[part~="access-denied"]'), 'not denied');
      // The host shows another element, with the copy it kept from sign-in.
      const second = await mountWithSignIn();
      await second.updateComplete;
      await first.updateComplete;
      expect(first.store!.get(signIn.id)?.role).to.equal('manager');
      for (const el of [first, second])
        expect(el.shadowRoot!.querySelector('[role="switch"]')).to.equal(null);
    });

    it("recovers in every element of the client when one element's Retry checks them again", async () => {
      const api = await referenceApi();
      const user = someMember(api);
      let refuse = true;
      let calls = 0;
      const askedForMe = () => calls;
      const { client } = recordingClient();
      const flaky = {
        ...client,
        getCurrentUser: (options?: Parameters<UsersClient['getCurrentUser']>[0]) => {
          calls++;
          return refuse ? Promise.reject(new TypeError('Failed to fetch')) : client.getCurrentUser(options);
        },
      };
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <jt-user-status-toggle .client=${flaky} user-id=${user.id}></jt-user-status-toggle>
          <jt-user-status-toggle .client=${flaky} user-id=${user.id}></jt-user-status-toggle>
        </div>`,
      );
      const [a, b] = [...wrapper.querySelectorAll('jt-user-status-toggle')] as JtUserStatusToggle[];
      for (const el of [a!, b!]) {
        await eventually(() => el.shadowRoot?.querySelector('[part~="retry-button"]'), 'no Retry');
      }
      // Other users coming into the store do not make the stuck elements ask again.
      const asked = askedForMe();
      a!.store!.put({ ...user, name: 'Renamed' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(askedForMe()).to.equal(asked);
      refuse = false;
      part(a!, '[part~="retry-button"]').click();
      for (const el of [a!, b!]) {
        await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'not recovered');
      }
    });
  });

  describe('lifecycle', () => {
    it('keeps its open dialog when the host passes the signed-in user again as a new object', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      const viewer = api.store.get(demoUserIds.admin)!;
      const { client, sent } = recordingClient();
      const el = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle
          .client=${client}
          .currentUser=${viewer}
          .user=${user}
        ></jt-user-status-toggle>`,
      );
      switchOf(el).click();
      const dialog = await dialogOpened(el);
      // A host re-render, or a list that brought a newer copy of the signed-in user.
      el.currentUser = { ...viewer };
      await el.updateComplete;
      expect(dialog.isConnected && dialog.isOpen).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
      dialogButton(el, 'cancel').click();
      expect(sent).to.deep.equal([]);
    });

    it('keeps a change on screen, while it saves and after, when the host passes its older copy again', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      const holding = holdingClient();
      const el = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle .client=${holding.client} .user=${user}></jt-user-status-toggle>`,
      );
      await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'the switch did not render');
      switchOf(el).click();
      await dialogOpened(el);
      dialogButton(el, 'confirm').click();
      await eventually(() => holding.held() === 1, 'the change was not sent');

      // A host re-render with the copy it had before the change.
      el.user = { ...user };
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      holding.release();
      await settled(el, user.id);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(api.store.get(user.id)?.status).to.equal('inactive');

      // Again after the answer: the copy is no news, and the screen stays equal to the server.
      el.user = { ...user };
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      // Nor after the host showed another user in between (a list and its detail).
      el.user = api.store.get(demoUserIds.manager)!;
      await el.updateComplete;
      el.user = { ...user };
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(el.store?.get(user.id)?.status).to.equal('inactive');
      // A copy the host learnt since is news, and shows.
      el.user = { ...user, status: 'inactive', name: 'Renamed By Host' };
      await el.updateComplete;
      expect(el.store?.get(user.id)?.name).to.equal('Renamed By Host');
    });

    it('shows a change at once when the client comes after the user', async () => {
      const api = await referenceApi();
      const user = someMember(api);
      const holding = holdingClient();
      const el = await fixture<JtUserStatusToggle>(
        html`<jt-user-status-toggle
          .currentUser=${api.store.get(demoUserIds.admin)}
          .user=${user}
        ></jt-user-status-toggle>`,
      );
      // e.g. a host that creates the client once it has a token
      el.client = holding.client;
      await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'the switch did not render');
      switchOf(el).click();
      await dialogOpened(el);
      dialogButton(el, 'confirm').click();
      await eventually(() => holding.held() === 1, 'no change sent');
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      holding.release();
      await settled(el, user.id);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('aborts the load when removed, and shows or fires nothing for it', async () => {
      const api = await referenceApi();
      const errors = count('jt-error');
      const user = someMember(api);
      api.faults.hangNext(1, { match: { method: 'GET', path: `/v1/users/${user.id}` } });
      const { el } = await mount({ api, user });
      await eventually(() => el.shadowRoot?.querySelector('[part~="loading"]') && el.viewer, 'not loading');
      await expect(el).to.be.accessible();
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors.events).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('aborts the old load when user-id changes, and shows the new user', async () => {
      const api = await referenceApi();
      const errors = count('jt-error');
      const first = someMember(api);
      const second = api.store.get(demoUserIds.member)!;
      api.faults.hangNext(1, { match: { method: 'GET', path: `/v1/users/${first.id}` } });
      const { el } = await mount({ api, user: first });
      await eventually(() => el.shadowRoot?.querySelector('[part~="loading"]') && el.viewer, 'not loading');
      el.userId = second.id;
      await eventually(() => el.shadowRoot?.querySelector('[role="switch"]'), 'second user not shown');
      expect(switchOf(el).getAttribute('aria-label')).to.equal(`${second.name} can log in`);
      expect(errors.events).to.have.length(0);
    });
  });

  describe('keyboard only', () => {
    it('deactivates and activates again with Tab, Space and Enter', async () => {
      const wrapperStart = await fixture<HTMLButtonElement>(html`<button>before</button>`);
      const { el, api, user } = await mountReady();
      wrapperStart.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(switchOf(el));

      await sendKeys({ press: 'Space' });
      await dialogOpened(el);
      expect(deepActiveElement()).to.equal(dialogButton(el, 'cancel'));
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(dialogButton(el, 'confirm'));
      await sendKeys({ press: 'Enter' });
      await eventually(() => api.store.get(user.id)?.status === 'inactive', 'not deactivated');
      await settled(el, user.id);
      expect(deepActiveElement()).to.equal(switchOf(el));

      await sendKeys({ press: 'Enter' });
      await dialogOpened(el);
      expect(deepActiveElement()).to.equal(dialogButton(el, 'confirm'));
      await sendKeys({ press: 'Enter' });
      await eventually(() => api.store.get(user.id)?.status === 'active', 'not activated');
      await settled(el, user.id);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
    });
  });
});
