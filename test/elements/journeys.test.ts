import { isolate } from '@jt-users/elements';
/**
 * End-to-end journeys across elements on one page, as a host would put them together: the
 * seed's second path (table → name → information page → Extra Settings toggle) and the table
 * and the profile agreeing about a user at every moment.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@jt-users/elements/define';
import type {
  JtConfirmDialog,
  JtUserProfile,
  JtUserSelectEvent,
  JtUserStatusToggle,
  JtUserTable,
} from '@jt-users/elements';
import type { User } from '@jt-users/sdk/schemas';
import { ifDefined } from 'lit/directives/if-defined.js';
import { holdingClient, part, referenceApi, shadow, someMember, type HoldingClient } from './support.js';

const puts = (sent: string[]) => sent.filter((line) => line.startsWith('PUT'));

function rowOf(table: JtUserTable, id: string): HTMLTableRowElement {
  return part<HTMLTableRowElement>(table, `tr[data-user-id="${id}"]`);
}

const tableBadge = (table: JtUserTable, id: string) =>
  rowOf(table, id).querySelector('[part~="status-badge"]')?.textContent;
const actionOf = (table: JtUserTable, id: string) =>
  rowOf(table, id).querySelector<HTMLButtonElement>('[part~="action-button"]')!;
const toggleOf = (profile: JtUserProfile) => part<JtUserStatusToggle>(profile, 'jt-user-status-toggle');
const switchOf = (profile: JtUserProfile) => part<HTMLButtonElement>(toggleOf(profile), '[role="switch"]');
const profileBadge = (profile: JtUserProfile) => part(profile, '[part~="status-badge"]').textContent;

async function dialogOpened(host: HTMLElement): Promise<JtConfirmDialog> {
  await waitUntil(
    () => host.shadowRoot?.querySelector('jt-confirm-dialog')?.isOpen,
    'the confirm dialog did not open',
  );
  const dialog = part<JtConfirmDialog>(host, 'jt-confirm-dialog');
  await dialog.updateComplete;
  return dialog;
}

/**
 * Confirms the open dialog and takes `look()` in the first animation frame after the person's
 * answer: what the page would paint next, before the server could have answered.
 */
function confirmAndLookInNextFrame<T>(dialog: JtConfirmDialog, look: () => T): Promise<T> {
  const seen = new Promise<T>((resolve) => {
    dialog.addEventListener('jt-confirm', () => requestAnimationFrame(() => resolve(look())), { once: true });
  });
  part<HTMLButtonElement>(dialog, '[part~="confirm-button"]').click();
  return seen;
}

async function profileShowing(profile: JtUserProfile, user: User): Promise<void> {
  await waitUntil(
    () =>
      profile.shadowRoot?.querySelector('[part~="name"]')?.textContent === user.name &&
      profile.shadowRoot.querySelector('jt-user-status-toggle')?.shadowRoot?.querySelector('[role="switch"]'),
    `the profile of ${user.name} did not show`,
  );
}

/** Lets the held change reach the server and waits until `done()` and the elements re-rendered. */
async function settled(
  holding: HoldingClient,
  elements: ReadonlyArray<{ updateComplete: Promise<boolean> }>,
  done: () => boolean,
) {
  holding.release();
  await waitUntil(done, 'the change did not settle');
  await Promise.all(elements.map((el) => el.updateComplete));
}

/** A table and a (hidden until used) profile sharing one client, as a host page puts them. */
async function mountPage(options: { profileHref?: string } = {}) {
  const api = await referenceApi();
  const holding = holdingClient();
  const user = someMember(api);
  const page = await fixture<HTMLDivElement>(
    html`<div>
      <jt-user-table
        .client=${holding.client}
        page-size="200"
        profile-href=${ifDefined(options.profileHref)}
      ></jt-user-table>
      <jt-user-profile .client=${holding.client}></jt-user-profile>
    </div>`,
  );
  const table = page.querySelector('jt-user-table')!;
  const profile = page.querySelector('jt-user-profile')!;
  await waitUntil(
    () => table.shadowRoot?.querySelector(`tr[data-user-id="${user.id}"]`),
    'the table did not show the user',
  );
  return { api, holding, user, table, profile };
}

describe('journeys across elements', () => {
  describe('the seed’s second path: the user information page', () => {
    it('table → name (jt-user-select) → Profile status → Extra Settings toggle → confirm, and back again', async () => {
      const { api, holding, user, table, profile } = await mountPage();
      // The host opens the information page for the selected user; it already has the user.
      table.addEventListener('jt-user-select', (event: JtUserSelectEvent) => (profile.user = event.user));
      const nameButton = rowOf(table, user.id).querySelector<HTMLButtonElement>('[part~="name-button"]')!;
      expect(nameButton.textContent?.trim()).to.equal(user.name);
      nameButton.click();
      await profileShowing(profile, user);
      expect(profileBadge(profile)).to.equal('Active');

      switchOf(profile).click();
      const dialog = await dialogOpened(toggleOf(profile));
      expect(part(dialog, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will no longer be able to log in.`,
      );
      const inFrame = await confirmAndLookInNextFrame(dialog, () => profileBadge(profile));
      expect(inFrame).to.equal('Inactive');
      expect(api.store.get(user.id)?.status).to.equal('active');

      await settled(
        holding,
        [table, profile],
        () => api.store.get(user.id)?.status === 'inactive' && !profile.store?.isPending(user.id),
      );
      expect(profileBadge(profile)).to.equal('Inactive');
      expect(tableBadge(table, user.id)).to.equal('Inactive');

      switchOf(profile).click();
      const again = await dialogOpened(toggleOf(profile));
      expect(part(again, '[part~="description"]').textContent).to.equal(
        `${isolate(user.name)} will be able to log in again as Member.`,
      );
      expect(await confirmAndLookInNextFrame(again, () => profileBadge(profile))).to.equal('Active');
      await settled(
        holding,
        [table, profile],
        () => api.store.get(user.id)?.status === 'active' && !profile.store?.isPending(user.id),
      );
      expect(tableBadge(table, user.id)).to.equal('Active');

      // The page needed no request for the profile: the table's list already had the user.
      expect(holding.sent.filter((line) => line.startsWith('GET /v1/users/'))).to.deep.equal([]);
      expect(puts(holding.sent)).to.deep.equal([
        `PUT /v1/users/${user.id}/status`,
        `PUT /v1/users/${user.id}/status`,
      ]);
    });

    it('table → name link (profile-href) → the host’s route → profile by user-id → toggle → confirm', async () => {
      const start = location.href;
      const { api, holding, user, table, profile } = await mountPage({ profileHref: '#/users/{id}' });
      const route = () => {
        const id = /^#\/users\/(.+)$/.exec(location.hash)?.[1];
        if (id) profile.userId = decodeURIComponent(id);
      };
      window.addEventListener('hashchange', route);
      try {
        const link = rowOf(table, user.id).querySelector<HTMLAnchorElement>('[part~="name-link"]')!;
        expect(link.getAttribute('href')).to.equal(`#/users/${user.id}`);
        link.click();
        await profileShowing(profile, user);
        expect(profileBadge(profile)).to.equal('Active');

        switchOf(profile).click();
        const dialog = await dialogOpened(toggleOf(profile));
        expect(await confirmAndLookInNextFrame(dialog, () => profileBadge(profile))).to.equal('Inactive');
        await settled(
          holding,
          [table, profile],
          () => api.store.get(user.id)?.status === 'inactive' && !profile.store?.isPending(user.id),
        );
        expect(tableBadge(table, user.id)).to.equal('Inactive');
        expect(holding.sent).to.include(`GET /v1/users/${user.id}`);
      } finally {
        window.removeEventListener('hashchange', route);
        history.replaceState(null, '', start);
      }
    });
  });

  describe('a table and a profile on one page stay in agreement', () => {
    it('deactivating in the table changes the profile’s badge and toggle in the same frame', async () => {
      const { api, holding, user, table, profile } = await mountPage();
      profile.userId = user.id;
      await profileShowing(profile, user);

      actionOf(table, user.id).click();
      const dialog = await dialogOpened(table);
      const inFrame = await confirmAndLookInNextFrame(dialog, () => ({
        table: tableBadge(table, user.id),
        badge: profileBadge(profile),
        checked: switchOf(profile).getAttribute('aria-checked'),
        disabled: switchOf(profile).getAttribute('aria-disabled'),
        server: api.store.get(user.id)?.status,
      }));
      expect(inFrame).to.deep.equal({
        table: 'Inactive',
        badge: 'Inactive',
        checked: 'false',
        disabled: 'true',
        server: 'active',
      });

      await settled(
        holding,
        [table, profile],
        () => api.store.get(user.id)?.status === 'inactive' && !profile.store?.isPending(user.id),
      );
      await toggleOf(profile).updateComplete;
      expect([
        profileBadge(profile),
        switchOf(profile).getAttribute('aria-checked'),
        switchOf(profile).getAttribute('aria-disabled'),
      ]).to.deep.equal(['Inactive', 'false', 'false']);
      expect(puts(holding.sent)).to.deep.equal([`PUT /v1/users/${user.id}/status`]);
    });

    it('deactivating in the profile changes the table’s row in the same frame', async () => {
      const { api, holding, user, table, profile } = await mountPage();
      profile.userId = user.id;
      await profileShowing(profile, user);
      expect(actionOf(table, user.id).getAttribute('aria-label')).to.equal(`Deactivate ${user.name}`);

      switchOf(profile).click();
      const dialog = await dialogOpened(toggleOf(profile));
      const inFrame = await confirmAndLookInNextFrame(dialog, () => ({
        badge: tableBadge(table, user.id),
        action: actionOf(table, user.id).getAttribute('aria-label'),
        disabled: actionOf(table, user.id).getAttribute('aria-disabled'),
        profile: profileBadge(profile),
        server: api.store.get(user.id)?.status,
      }));
      expect(inFrame).to.deep.equal({
        badge: 'Inactive',
        action: `Activate ${user.name}`,
        disabled: 'true',
        profile: 'Inactive',
        server: 'active',
      });
      await settled(
        holding,
        [table, profile],
        () => api.store.get(user.id)?.status === 'inactive' && !table.store?.isPending(user.id),
      );
      expect(actionOf(table, user.id).getAttribute('aria-disabled')).to.equal('false');
    });

    it('rolls back in both when the server refuses, with the message only where the change was made', async () => {
      const { api, holding, user, table, profile } = await mountPage();
      profile.userId = user.id;
      await profileShowing(profile, user);
      api.faults.failNext(1, 409, { code: 'last_admin', match: { method: 'PUT' } });

      actionOf(table, user.id).click();
      const dialog = await dialogOpened(table);
      expect(await confirmAndLookInNextFrame(dialog, () => profileBadge(profile))).to.equal('Inactive');
      holding.release();
      await waitUntil(() => rowOf(table, user.id).querySelector('[role="alert"]'), 'no message in the table');
      await Promise.all([profile.updateComplete, toggleOf(profile).updateComplete]);
      expect(profileBadge(profile)).to.equal('Active');
      expect(switchOf(profile).getAttribute('aria-checked')).to.equal('true');
      expect(tableBadge(table, user.id)).to.equal('Active');
      expect(shadow(toggleOf(profile)).querySelector('[role="alert"]')).to.equal(null);
    });
  });
});
