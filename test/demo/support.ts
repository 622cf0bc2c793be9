/**
 * The journey every framework host must support, as steps the host tests share: whatever renders
 * the page, the elements must get the client, tell the host about choices and changes, and work.
 */
import { waitUntil } from '@open-wc/testing';
import type { JtConfirmDialog, JtUserProfile, JtUserStatusToggle, JtUserTable } from '@jt-users/elements';
import { demoUserIds, type ReferenceApi } from '@jt-users/reference-api/browser';
import type { User } from '@jt-users/sdk/schemas';
import { part } from '../elements/support.js';

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
