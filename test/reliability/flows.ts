/**
 * The flows the reliability suites drive, as data: each mounts the elements with a client, does
 * what a person does, and reads back what the screen shows next to what the server holds.
 * The fault matrix, the lost-answer suite and the double-action suite all use them.
 */
import { fixture, html } from '@open-wc/testing';
import '@jt-users/elements/define';
import type {
  JtConfirmDialog,
  JtUserProfile,
  JtUserStatusToggle,
  JtUserTable,
  Strings,
} from '@jt-users/elements';
import type { User, UserRole, UserStatus } from '@jt-users/sdk/schemas';
import type { ReferenceApi } from '@jt-users/reference-api/browser';
import { collapse, eventually, shadow, type WatchedClient } from './support.js';

export interface Cell {
  api: ReferenceApi;
  watched: WatchedClient;
  lang: string;
  s: Strings;
  member: User;
}

/** One flow, set up and ready for its action. */
export interface FlowRun {
  /** Which requests the fault must hit. */
  match: { method: 'GET' | 'PUT'; path: string };
  /** What the person does; the injected fault meets the request this sends. */
  act(): Promise<void>;
  /** The `lang` wrapper holding the elements; available once `act()` mounted them, for the initial load. */
  root(): HTMLElement;
  /** Whether nothing is waiting for the server any more. */
  idle(): boolean;
  /**
   * Each fact the screen shows about the data of the flow, next to the same fact read from the
   * server: `[shown, server]`. Empty when the element shows no data at all (access lost, or a
   * failed load).
   */
  facts(): Array<[shown: string, server: string]>;
  /** For read flows: the Retry button shown after a failure, if any. */
  retry?(): HTMLElement | null;
}

export interface Flow {
  name: string;
  /** A change is checked in the server's change log; a read is not. */
  kind: 'change' | 'read';
  prepare(cell: Cell): Promise<FlowRun>;
  /** For changes: the server value the change asks for, and the one the user has. */
  target?(cell: Cell): { read: (user: User) => string; from: string; to: string };
}

export const text = (node: Element | null | undefined) => collapse(node?.textContent);
const all = <T extends Element>(root: ParentNode, selector: string) => [
  ...root.querySelectorAll<T>(selector),
];
export const serverUser = (cell: Cell) => cell.api.store.get(cell.member.id)!;

export function inShadow<T extends Element = HTMLElement>(
  host: Element | null | undefined,
  selector: string,
): T | null {
  return host?.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Opens a flow's dialog with `opener` and confirms it, the way a person clicks. */
export async function confirmWith(host: Element, opener: HTMLElement): Promise<void> {
  opener.click();
  await eventually(
    () => inShadow<JtConfirmDialog>(host, 'jt-confirm-dialog')?.isOpen,
    'the dialog did not open',
  );
  const dialog = inShadow<JtConfirmDialog>(host, 'jt-confirm-dialog')!;
  await dialog.updateComplete;
  inShadow(dialog, '[part~="confirm-button"]')!.click();
}

function statusFacts(s: Strings, user: User, badge: Element | null): Array<[string, string]> {
  return badge ? [[text(badge), s.status(user.status)]] : [];
}

export function tableRows(table: JtUserTable): string[] {
  return all<HTMLElement>(shadow(table), '[part~="row"]').map((row) => row.dataset.userId ?? '');
}

export const PAGE_SIZE = 10;

/** The ids the server lists for the table's current question. */
function serverPage(api: ReferenceApi, table: JtUserTable): string[] {
  const search = table.search.trim();
  return api.store
    .list({ sort: table.sort, limit: PAGE_SIZE, ...(search ? { search } : {}) })
    .items.map((u) => u.id);
}

function readFacts(api: ReferenceApi, table: JtUserTable | null): Array<[string, string]> {
  if (!table?.shadowRoot?.querySelector('[part~="row"]')) return [];
  return [[tableRows(table).join(' '), serverPage(api, table).join(' ')]];
}

export function tableIdle(table: JtUserTable | null): boolean {
  return !!table?.shadowRoot && !table.shadowRoot.querySelector('[aria-busy="true"]');
}

export const mountTable = (cell: Cell, search = '') =>
  fixture<HTMLDivElement>(
    html`<div lang=${cell.lang}>
      <jt-user-table .client=${cell.watched.client} .search=${search} page-size=${PAGE_SIZE}></jt-user-table>
    </div>`,
  );

export const mountProfile = async (cell: Cell) => {
  const root = await fixture<HTMLDivElement>(
    html`<div lang=${cell.lang}>
      <jt-user-profile .client=${cell.watched.client} user-id=${cell.member.id}></jt-user-profile>
    </div>`,
  );
  const profile = root.querySelector<JtUserProfile>('jt-user-profile')!;
  await eventually(
    () => inShadow(inShadow(profile, 'jt-user-status-toggle'), '[role="switch"]'),
    'the profile did not show the user',
  );
  return { root, profile };
};

const statusTarget = (cell: Cell) => ({
  read: (user: User) => user.status,
  from: cell.member.status,
  to: (cell.member.status === 'active' ? 'inactive' : 'active') satisfies UserStatus,
});

export const ROLE_TARGET: UserRole = 'manager';

export const FLOWS: readonly Flow[] = [
  {
    name: 'table action',
    kind: 'change',
    target: statusTarget,
    async prepare(cell) {
      const root = await mountTable(cell, cell.member.email);
      const table = root.querySelector('jt-user-table')!;
      const row = () => inShadow(table, `[part~="row"][data-user-id="${cell.member.id}"]`);
      await eventually(row, 'the row did not show');
      return {
        match: { method: 'PUT', path: `/v1/users/${cell.member.id}/status` },
        act: () => confirmWith(table, row()!.querySelector<HTMLElement>('[part~="action-button"]')!),
        root: () => root,
        idle: () => !table.store?.isPending(cell.member.id),
        facts: () => {
          const user = serverUser(cell);
          const button = row()?.querySelector('[part~="action-button"]');
          const label =
            user.status === 'active' ? cell.s.actionDeactivate(user.name) : cell.s.actionActivate(user.name);
          return [
            ...statusFacts(cell.s, user, row()?.querySelector('[part~="status-badge"]') ?? null),
            ...(button ? [[button.getAttribute('aria-label') ?? '', label] as [string, string]] : []),
          ];
        },
      };
    },
  },
  {
    name: 'profile toggle',
    kind: 'change',
    target: statusTarget,
    async prepare(cell) {
      const { root, profile } = await mountProfile(cell);
      const toggle = () => inShadow<JtUserStatusToggle>(profile, 'jt-user-status-toggle');
      const switchOf = () => inShadow(toggle(), '[role="switch"]');
      return {
        match: { method: 'PUT', path: `/v1/users/${cell.member.id}/status` },
        act: () => confirmWith(toggle()!, switchOf()!),
        root: () => root,
        idle: () => !profile.store?.isPending(cell.member.id),
        facts: () => {
          const user = serverUser(cell);
          const checked = switchOf()?.getAttribute('aria-checked');
          return [
            ...statusFacts(cell.s, user, inShadow(profile, '[part~="status-badge"]')),
            ...(checked ? [[checked, String(user.status === 'active')] as [string, string]] : []),
          ];
        },
      };
    },
  },
  {
    name: 'role change (profile)',
    kind: 'change',
    target: (cell) => ({ read: (user) => user.role, from: cell.member.role, to: ROLE_TARGET }),
    async prepare(cell) {
      const { root, profile } = await mountProfile(cell);
      return {
        match: { method: 'PUT', path: `/v1/users/${cell.member.id}/role` },
        act: async () => {
          const select = inShadow<HTMLSelectElement>(profile, '[part~="role-select"]')!;
          select.value = ROLE_TARGET;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await profile.updateComplete;
          await confirmWith(profile, inShadow(profile, '[part~="role-apply-button"]')!);
        },
        root: () => root,
        idle: () => !profile.store?.isPending(cell.member.id),
        facts: () => {
          const user = serverUser(cell);
          const field = inShadow(profile, '[data-field="role"] [part~="field-value"]');
          const select = inShadow<HTMLSelectElement>(profile, '[part~="role-select"]');
          return [
            ...(field ? [[text(field), cell.s.role(user.role)] as [string, string]] : []),
            ...(select ? [[select.value, user.role] as [string, string]] : []),
          ];
        },
      };
    },
  },
  {
    name: 'initial load (table)',
    kind: 'read',
    prepare(cell) {
      let root: HTMLDivElement | undefined;
      const table = () => root?.querySelector('jt-user-table') ?? null;
      return Promise.resolve({
        match: { method: 'GET', path: '/v1/users' },
        act: async () => {
          root = await mountTable(cell);
        },
        root: () => root!,
        idle: () => tableIdle(table()),
        facts: () => readFacts(cell.api, table()),
        retry: () => inShadow(table(), '[part~="retry-button"]'),
      });
    },
  },
  {
    name: 'search (table)',
    kind: 'read',
    async prepare(cell) {
      const root = await mountTable(cell);
      const table = root.querySelector('jt-user-table')!;
      await eventually(() => inShadow(table, '[part~="row"]') && tableIdle(table), 'the table did not load');
      return {
        match: { method: 'GET', path: '/v1/users' },
        act: async () => {
          const input = inShadow<HTMLInputElement>(table, 'input[type="search"]')!;
          input.value = cell.member.name;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          await eventually(() => table.search === cell.member.name, 'the search did not start');
        },
        root: () => root,
        idle: () => tableIdle(table),
        facts: () => readFacts(cell.api, table),
        retry: () => inShadow(table, '[part~="retry-button"]'),
      };
    },
  },
];
