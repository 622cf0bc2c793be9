import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import { demoUserIds } from '@jt-users/reference-api';
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

interface ToggleArgs {
  userId: string;
  theme?: 'light' | 'dark';
}

const meta = {
  title: 'Elements/User status toggle',
  component: 'jt-user-status-toggle',
  args: { userId: demoUserIds.member },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: backend(),
  render: (args, context) => html`
    <jt-user-status-toggle
      .client=${connected(context).client}
      user-id=${args.userId}
      theme=${ifDefined(args.theme)}
    ></jt-user-status-toggle>
  `,
} satisfies Meta<ToggleArgs>;

export default meta;
type Story = StoryObj<ToggleArgs>;

/** The toggle of the story, once rendered. */
const toggleIn = (canvasElement: HTMLElement) => storyElement(canvasElement, 'jt-user-status-toggle');

/** Clicks the switch once it shows, like a person would. */
async function clickSwitch(canvasElement: HTMLElement): Promise<HTMLElement> {
  const toggle = await toggleIn(canvasElement);
  await userEvent.click(await inShadow(toggle, '[part~="switch"]'));
  return toggle;
}

/** Confirms the change in the dialog the switch opened. */
async function confirmChange(canvasElement: HTMLElement): Promise<HTMLElement> {
  const toggle = await clickSwitch(canvasElement);
  await userEvent.click(await confirmButton(toggle));
  return toggle;
}

/** Waiting for the user: the request for it has not been answered yet. */
export const Loading: Story = {
  parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: readsUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await toggleIn(canvasElement), '[part~="loading"]');
  },
};

/** An active user: switched on. */
export const Active: Story = {
  play: async ({ canvasElement }) => {
    const toggle = await toggleIn(canvasElement);
    const button = await inShadow(toggle, '[part~="switch"]');
    await expect(button.getAttribute('aria-checked')).toBe('true');
  },
};

/** An inactive user: switched off; switching on asks to activate. */
export const Inactive: Story = {
  parameters: backend({ arrange: (api) => putUser(api, { id: demoUserIds.external, status: 'inactive' }) }),
  args: { userId: demoUserIds.external },
  play: async ({ canvasElement }) => {
    const button = await inShadow(await toggleIn(canvasElement), '[part~="switch"]');
    await expect(button.getAttribute('aria-checked')).toBe('false');
  },
};

/** The user could not be loaded: the server keeps failing. */
export const LoadError: Story = {
  parameters: backend({ arrange: (api) => api.faults.failNext(EVERY_REQUEST, 503, { match: readsUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await toggleIn(canvasElement), '[part~="retry-button"]');
  },
};

/** Signed in as a Member: an explanation instead of the switch, and no user is requested. */
export const NonAdmin: Story = {
  parameters: backend({ signedInAs: 'member' }),
  play: async ({ canvasElement }) => {
    await inShadow(await toggleIn(canvasElement), '[part~="access-denied"]');
  },
};

/** The signed-in Admin's own account: the switch is disabled, and says why. */
export const OwnAccount: Story = {
  args: { userId: demoUserIds.admin },
  play: async ({ canvasElement }) => {
    await inShadow(await toggleIn(canvasElement), '[part~="hint"]');
  },
};

/** After a click on the switch: the confirm dialog names the user and the consequence. */
export const ConfirmOpen: Story = {
  play: async ({ canvasElement }) => {
    await openDialog(await clickSwitch(canvasElement));
  },
};

/** Confirmed, and the server has not answered yet: the new state shows, with "Saving…". */
export const Pending: Story = {
  parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: changesUsers }) }),
  play: async ({ canvasElement }) => {
    const toggle = await confirmChange(canvasElement);
    await inShadow(toggle, '[part~="pending"]');
    const button = await inShadow(toggle, '[part~="switch"]');
    await expect(button.getAttribute('aria-checked')).toBe('false');
  },
};

/** The server turned the change away for now: the switch goes back, and says when to try again. */
export const RefusedWithRollback: Story = {
  args: { userId: otherAdmin.id },
  parameters: backend({
    arrange: (api) => {
      putUser(api, otherAdmin);
      refuseNextChange(api);
    },
  }),
  play: async ({ canvasElement }) => {
    const toggle = await confirmChange(canvasElement);
    await inShadow(toggle, '[part~="message"]');
    const button = await inShadow(toggle, '[part~="switch"]');
    await expect(button.getAttribute('aria-checked')).toBe('true');
  },
};

/** A very long name, in the switch's accessible name and the dialog. */
export const LongNames: Story = {
  parameters: backend({
    arrange: (api) => {
      const member = api.store.get(demoUserIds.member);
      if (member) api.store.upsert(withLongName(member));
    },
  }),
  play: async ({ canvasElement }) => {
    await openDialog(await clickSwitch(canvasElement));
  },
};

/** The dark scheme, set by the page. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: Pending.play,
  parameters: Pending.parameters,
};

/** German, from the page's `lang`. */
export const German: Story = {
  globals: { locale: 'de' },
  play: ConfirmOpen.play,
};
