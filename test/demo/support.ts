/**
 * The journey every framework host must support, as steps the host tests share: whatever renders
 * the page, the elements must get the client, tell the host about choices and changes, and work.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { JtConfirmDialog, JtUserProfile, JtUserStatusToggle, JtUserTable } from '@jt-users/elements';
import { demoUserIds, type ReferenceApi } from '@jt-users/reference-api/browser';
import type { UsersClient } from '@jt-users/sdk';
import type { User } from '@jt-users/sdk/schemas';
import { part, recordingClient, referenceApi } from '../elements/support.js';

/** Generous waits: the machine is shared, and a framework's render adds a turn or two. */
export const patience = { timeout: 5000 } as const;

/** The host's table once it shows rows. */
export async function shownTable(host: HTMLElement): Promise<JtUserTable> {
  await waitUntil(
    () => host.querySelector('jt-user-table')?.shadowRoot?.querySelector('tr[data-user-id]'),
    'the table showed no rows',
    patience,
  );
  return host.querySelector('jt-user-table')!;
}

/** An active Member on the table's first page who is none of the demo accounts: safe to deactivate. */
export function safeTargetIn(table: JtUserTable, api: ReferenceApi): User {
  const demoIds = new Set<string>(Object.values(demoUserIds));
  const rows = [...part(table, 'tbody').querySelectorAll<HTMLTableRowElement>('tr[data-user-id]')];
  const user = rows
    .map((row) => api.store.get(row.dataset.userId!))
    .find(
      (candidate) =>
        candidate?.role === 'member' && candidate.status === 'active' && !demoIds.has(candidate.id),
    );
  if (!user) throw new Error('The first page shows no active member besides the demo accounts.');
  return user;
}

/** Activates `user`'s name in the table (the name is a button: the host has no `profile-href`). */
export function clickName(table: JtUserTable, user: User): void {
  part<HTMLButtonElement>(table, `tr[data-user-id="${user.id}"] [part~="name-button"]`).click();
}

/** The host's profile once it shows `user` with a status switch. */
export async function shownProfile(host: HTMLElement, user: User): Promise<JtUserProfile> {
  await waitUntil(
    () => {
      const profile = host.querySelector('jt-user-profile');
      return (
        profile?.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim() === user.name &&
        profile.shadowRoot
          .querySelector('jt-user-status-toggle')
          ?.shadowRoot?.querySelector('[role="switch"]')
      );
    },
    `the profile of ${user.name} did not show`,
    patience,
  );
  return host.querySelector('jt-user-profile')!;
}

/** Waits until the profile's status badge says `status`. */
async function profileShowsStatus(profile: JtUserProfile, status: string): Promise<void> {
  await waitUntil(
    () => profile.shadowRoot?.querySelector('[part~="status-badge"]')?.textContent === status,
    `the profile did not show ${status}`,
    patience,
  );
}

/** Flips the profile's status switch and confirms in the dialog that opens. */
export async function toggleStatusAndConfirm(profile: JtUserProfile): Promise<void> {
  const toggle = part<JtUserStatusToggle>(profile, 'jt-user-status-toggle');
  part<HTMLButtonElement>(toggle, '[role="switch"]').click();
  await waitUntil(
    () => toggle.shadowRoot?.querySelector('jt-confirm-dialog')?.isOpen,
    'the confirm dialog did not open',
    patience,
  );
  const dialog = part<JtConfirmDialog>(toggle, 'jt-confirm-dialog');
  await dialog.updateComplete;
  part<HTMLButtonElement>(dialog, '[part~="confirm-button"]').click();
}

/** The host's event log, newest first, as `type: summary` lines. */
export function logLines(host: HTMLElement): string[] {
  return [...host.querySelectorAll<HTMLLIElement>('.event-log li')].map((entry) => {
    const type = entry.querySelector('code')?.textContent ?? '';
    return `${type}:${(entry.textContent ?? '').slice(type.length)}`;
  });
}

/** Waits until the host logged a line that starts with `line`. */
export async function logged(host: HTMLElement, line: string): Promise<void> {
  await waitUntil(
    () => logLines(host).some((entry) => entry.startsWith(line)),
    `the host did not log "${line}"`,
    patience,
  );
}

/** The status badge of `user`'s row in the table. */
export function tableBadge(table: JtUserTable, user: User): string | null | undefined {
  return part(table, `tr[data-user-id="${user.id}"]`).querySelector('[part~="status-badge"]')?.textContent;
}

/** How a framework puts its host app on the page, and takes it off again. */
export interface HostMount {
  mount(host: HTMLElement, client: UsersClient): void;
  unmount(): void;
}

/**
 * The host journey as tests, the same for every framework: the client reaches the elements as
 * a property, a chosen name opens the profile, and a confirmed change is logged and shown.
 */
export function describeHostJourney(title: string, framework: HostMount): void {
  describe(title, () => {
    let host: HTMLDivElement;

    beforeEach(() => {
      host = document.createElement('div');
      document.body.append(host);
    });

    afterEach(() => {
      framework.unmount();
      host.remove();
      // The next test starts on the table, as a page opened afresh does.
      history.replaceState(null, '');
    });

    async function mounted() {
      const api = await referenceApi();
      const { client, sent } = recordingClient();
      framework.mount(host, client);
      const table = await shownTable(host);
      return { api, client, sent, table };
    }

    it('hands the client to the table as a property, which loads and shows the users', async () => {
      const { client, sent, table } = await mounted();
      expect(table.client).to.equal(client);
      expect(table.hasAttribute('client')).to.equal(false);
      expect(sent).to.include('GET /v1/users');
    });

    it('opens the chosen user’s profile from jt-user-select, and Back returns to the table', async () => {
      const { api, client, table } = await mounted();
      const user = safeTargetIn(table, api);
      clickName(table, user);

      const profile = await shownProfile(host, user);
      expect(profile.client).to.equal(client);
      expect(host.querySelector('jt-user-table')).to.equal(null);
      expect(logLines(host)).to.deep.equal([`jt-user-select: ${user.name}`]);
      expect(document.activeElement).to.equal(host.querySelector('main'));

      host.querySelector<HTMLButtonElement>('button.back-link')!.click();
      await shownTable(host);
      expect(host.querySelector('jt-user-profile')).to.equal(null);
    });

    it('keeps the profile in the browser’s history: Back, Forward and a reload show it as it is now', async () => {
      const { api, table } = await mounted();
      const user = safeTargetIn(table, api);
      // An entry of the test's own under the host's: a Back the host does not follow stays here.
      history.pushState(null, '');
      clickName(table, user);
      await toggleStatusAndConfirm(await shownProfile(host, user));
      await logged(host, `jt-user-status-changed: ${user.name}: active → inactive`);

      history.back();
      await shownTable(host);
      expect(host.querySelector('jt-user-profile')).to.equal(null);
      expect(document.activeElement).to.equal(host.querySelector('main'));

      history.forward();
      await profileShowsStatus(await shownProfile(host, user), 'Inactive');

      // A reload: the host rendered anew, with a client of its own, on the same history entry.
      framework.unmount();
      framework.mount(host, recordingClient().client);
      await profileShowsStatus(await shownProfile(host, user), 'Inactive');
      host.querySelector<HTMLButtonElement>('button.back-link')!.click();
      await shownTable(host);
    });

    it('logs jt-user-status-changed after a confirmed change in the profile', async () => {
      const { api, table } = await mounted();
      const user = safeTargetIn(table, api);
      clickName(table, user);
      const profile = await shownProfile(host, user);

      await toggleStatusAndConfirm(profile);
      await logged(host, `jt-user-status-changed: ${user.name}: active → inactive`);
      expect(api.store.get(user.id)?.status).to.equal('inactive');

      host.querySelector<HTMLButtonElement>('button.back-link')!.click();
      const again = await shownTable(host);
      await waitUntil(
        () => tableBadge(again, user) === 'Inactive',
        'the table did not show the new status',
        patience,
      );
    });
  });
}
