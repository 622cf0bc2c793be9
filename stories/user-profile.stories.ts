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
  readsUsers,
  storyElement,
  withLongName,
} from './support.js';

interface ProfileArgs {
  userId: string;
  theme?: 'light' | 'dark';
}

const meta = {
  title: 'Elements/User profile',
  component: 'jt-user-profile',
  args: { userId: demoUserIds.member },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: { ...backend(), docs: { story: { iframeHeight: 720 } } },
  render: (args, context) => html`
    <jt-user-profile
      .client=${connected(context).client}
      user-id=${args.userId}
      theme=${ifDefined(args.theme)}
    ></jt-user-profile>
  `,
} satisfies Meta<ProfileArgs>;

export default meta;
type Story = StoryObj<ProfileArgs>;

/** The profile of the story, once rendered. */
const profileIn = (canvasElement: HTMLElement) => storyElement(canvasElement, 'jt-user-profile');

/** Chooses Manager in the role select and applies it, like a person would. */
async function applyManagerRole(canvasElement: HTMLElement): Promise<HTMLElement> {
  const profile = await profileIn(canvasElement);
  await userEvent.selectOptions(
    await inShadow<HTMLSelectElement>(profile, '[part~="role-select"]'),
    'manager',
  );
  await userEvent.click(await inShadow(profile, '[part~="role-apply-button"]'));
  return profile;
}

/** Confirms the role change in the dialog. */
async function confirmManagerRole(canvasElement: HTMLElement): Promise<HTMLElement> {
  const profile = await applyManagerRole(canvasElement);
  await userEvent.click(await confirmButton(profile));
  return profile;
}

/** Waiting for the user: the request for it has not been answered yet. */
export const Loading: Story = {
  parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: readsUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await profileIn(canvasElement), '[part~="loading"]');
  },
};

/** A Member's profile, role and Extra Settings. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(await profileIn(canvasElement), '[part~="extra-settings-section"]');
  },
};

/** The signed-in Admin's own page: the status switch is disabled, with the reason. */
export const OwnAccount: Story = {
  args: { userId: demoUserIds.admin },
  play: async ({ canvasElement }) => {
    const toggle = await inShadow(await profileIn(canvasElement), 'jt-user-status-toggle');
    await inShadow(toggle, '[part~="hint"]');
  },
};

/** No user with this id: nothing to show but that. */
export const NotFound: Story = {
  args: { userId: 'usr_nobody' },
  play: async ({ canvasElement }) => {
    await inShadow(await profileIn(canvasElement), '[part~="not-found"]');
  },
};

/** The user could not be loaded: the server keeps failing. */
export const LoadError: Story = {
  parameters: backend({ arrange: (api) => api.faults.failNext(EVERY_REQUEST, 503, { match: readsUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await profileIn(canvasElement), '[part~="retry-button"]');
  },
};

/** Signed in as a Member: an explanation instead of the page, and no user is requested. */
export const NonAdmin: Story = {
  parameters: backend({ signedInAs: 'member' }),
  play: async ({ canvasElement }) => {
    await inShadow(await profileIn(canvasElement), '[part~="access-denied"]');
  },
};

/** A new role chosen and applied: the dialog names the old and the new role. */
export const ConfirmOpen: Story = {
  play: async ({ canvasElement }) => {
    await openDialog(await applyManagerRole(canvasElement));
  },
};

/** The switch in Extra Settings clicked: the deactivation dialog. */
export const ConfirmDeactivation: Story = {
  play: async ({ canvasElement }) => {
    const toggle = await inShadow(await profileIn(canvasElement), 'jt-user-status-toggle');
    await userEvent.click(await inShadow(toggle, '[part~="switch"]'));
    await openDialog(toggle);
  },
};

/** Confirmed, and the server has not answered yet: the new role shows, with "Saving…". */
export const Pending: Story = {
  parameters: backend({ arrange: (api) => api.faults.hangNext(EVERY_REQUEST, { match: changesUsers }) }),
  play: async ({ canvasElement }) => {
    await inShadow(await confirmManagerRole(canvasElement), '[part~="pending"]');
  },
};

/**
 * The only active Admin makes themself a Manager: the server refuses, as the organization would
 * have no Admin left. The role goes back to Admin, and the reason shows under the select.
 */
export const RefusedWithRollback: Story = {
  args: { userId: demoUserIds.admin },
  parameters: backend({
    arrange: (api) => {
      for (const user of api.store.all()) {
        if (user.role === 'admin' && user.id !== demoUserIds.admin)
          api.store.upsert({ ...user, role: 'manager' });
      }
    },
  }),
  play: async ({ canvasElement }) => {
    const profile = await confirmManagerRole(canvasElement);
    await inShadow(profile, '[part~="message"]');
    const select = await inShadow<HTMLSelectElement>(profile, '[part~="role-select"]');
    await expect(select.value).toBe('admin');
  },
};

/** A very long name and email wrap inside the sections. */
export const LongNames: Story = {
  parameters: backend({
    arrange: (api) => {
      const member = api.store.get(demoUserIds.member);
      if (member) api.store.upsert(withLongName(member));
    },
  }),
  play: Loaded.play,
};

/** The dark scheme, set by the page. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: Loaded.play,
};

/** German, from the page's `lang`: texts, dates and the role dialog. */
export const German: Story = {
  globals: { locale: 'de' },
  play: ConfirmOpen.play,
};
