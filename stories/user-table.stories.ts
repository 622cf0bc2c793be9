import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import { DEFAULT_PAGE_SIZE, USER_SORT_ORDERS, type UserSort } from '@jt-users/sdk';
import type { UserStatusFilter } from '@jt-users/elements';
import {
  backend,
  changesUsers,
  confirmButton,
  connected,
  EVERY_REQUEST,
  inShadow,
  openDialog,
  otherAdmin,
  putUser,
  readsUsers,
  refuseNextChange,
  storyElement,
  withLongName,
} from './support.js';

interface TableArgs {
  search: string;
  statusFilter: UserStatusFilter;
  sort: UserSort;
  pageSize: number;
  profileHref?: string;
  theme?: 'light' | 'dark';
}

const meta = {
  title: 'Elements/User table',
  component: 'jt-user-table',
  args: { search: '', statusFilter: 'all', sort: 'name', pageSize: DEFAULT_PAGE_SIZE },
  argTypes: {
    statusFilter: { control: 'inline-radio', options: ['all', 'active', 'inactive'] },
    sort: { control: 'select', options: USER_SORT_ORDERS },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: { ...backend(), docs: { story: { iframeHeight: 520 } } },
  render: (args, context) => html`
    <jt-user-table
      .client=${connected(context).client}
      search=${args.search}
      status-filter=${args.statusFilter}
      sort=${args.sort}
      page-size=${args.pageSize}
      profile-href=${ifDefined(args.profileHref)}
      theme=${ifDefined(args.theme)}
    ></jt-user-table>
  `,
} satisfies Meta<TableArgs>;

export default meta;
type Story = StoryObj<TableArgs>;

/** The table of the story, once rendered. */
const tableIn = (canvasElement: HTMLElement) => storyElement(canvasElement, 'jt-user-table');

/** Clicks the first "Deactivate" action button of the table once the rows show. */
async function clickDeactivate(canvasElement: HTMLElement): Promise<HTMLElement> {
  const table = await tableIn(canvasElement);
  await userEvent.click(await inShadow(table, '[part~="action-button"][part~="deactivate"]'));
  return table;
}

/** Confirms the deactivation in the dialog the action button opened. */
async function confirmDeactivation(canvasElement: HTMLElement): Promise<HTMLElement> {
  const table = await clickDeactivate(canvasElement);
  await userEvent.click(await confirmButton(table));
  return table;
}

/** Waiting for the first page: the request for it has not been answered yet. */
export const Loading: Story = {
  parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: readsUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="loading"]');
  },
};

/** The first page of the reference API's users, sorted by name. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="row"]');
  },
};

/** Sorted by last login, most recent first: the header says so, and a click on it turns the order. */
export const SortedByLastLogin: Story = {
  args: { sort: '-lastLoginAt' },
  play: async ({ canvasElement }) => {
    const table = await tableIn(canvasElement);
    await inShadow(table, '[part~="row"]');
    const header = await inShadow(table, '[part~="header"][aria-sort="descending"]');
    await expect(header.textContent).toContain('Last login');
  },
};

/** A search that matches nobody. */
export const Empty: Story = {
  args: { search: 'nobody by this name' },
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="empty"]');
  },
};

/** Ten users a page, with the previous/next buttons. */
export const SmallPages: Story = {
  args: { pageSize: 10 },
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="pagination"]');
  },
};

/** The list could not be loaded: the server keeps failing. */
export const LoadError: Story = {
  parameters: backend({ arrange: (api) => api.faults.failNext(EVERY_REQUEST, 503, { match: readsUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="retry-button"]');
  },
};

/** Signed in as a Member: an explanation instead of the table, and no user is requested. */
export const NonAdmin: Story = {
  parameters: backend({ signedInAs: 'member' }),
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="access-denied"]');
  },
};

/** After a click on a row's deactivate button: the confirm dialog names the user. */
export const ConfirmOpen: Story = {
  play: async ({ canvasElement }) => {
    await openDialog(await clickDeactivate(canvasElement));
  },
};

/** Confirmed, and the server has not answered yet: the row shows the new status, with "Saving…". */
export const Pending: Story = {
  parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: changesUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await confirmDeactivation(canvasElement), '[part~="pending"]');
  },
};

/** The server turned the change away for now: the row goes back to Active, and says when to try again. */
export const RefusedWithRollback: Story = {
  args: { search: otherAdmin.name },
  parameters: backend({
    arrange: (api) => {
      putUser(api, otherAdmin);
      refuseNextChange(api);
    },
  }),
  play: async ({ canvasElement }) => {
    const table = await confirmDeactivation(canvasElement);
    await inShadow(table, '[part~="message"]');
    await inShadow(table, `[data-user-id="${otherAdmin.id}"] [part~="status-badge"][part~="active"]`);
  },
};

/** Very long names and emails: the table keeps its columns readable and scrolls sideways. */
export const LongNames: Story = {
  args: { search: 'Maximiliane' },
  parameters: backend({
    arrange: (api) => {
      const members = api.store
        .all()
        .filter((user) => user.role === 'member')
        .slice(0, 3);
      members.forEach((user, index) => api.store.upsert(withLongName(user, index + 1)));
    },
  }),
  play: async ({ canvasElement }) => {
    await inShadow(await tableIn(canvasElement), '[part~="row"]');
  },
};

/** The dark scheme, set by the page. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: Loaded.play,
};

/** German, from the page's `lang`: texts, dates and numbers. */
export const German: Story = {
  globals: { locale: 'de' },
  play: Loaded.play,
};
