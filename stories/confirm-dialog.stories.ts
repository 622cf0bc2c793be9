import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, within } from 'storybook/test';
import { de, en, type ConfirmTone, type JtConfirmDialog } from '@jt-users/elements';
import { inShadow, longName } from './support.js';

interface ConfirmDialogArgs {
  heading: string;
  message: string;
  confirmLabel?: string;
  cancelLabel?: string;
  tone: ConfirmTone;
  theme?: 'light' | 'dark';
}

/** Opens the dialog next to the button, as a host page would. */
function openNextDialog(event: Event): void {
  const dialog = (event.currentTarget as HTMLElement).parentElement?.querySelector<JtConfirmDialog>(
    'jt-confirm-dialog',
  );
  void dialog?.show();
}

const meta = {
  title: 'Elements/Confirm dialog',
  component: 'jt-confirm-dialog',
  args: {
    heading: en.roleHeading('Jane Doe'),
    message: en.roleMessage('Jane Doe', en.role('member'), en.role('manager')),
    confirmLabel: en.roleConfirm,
    tone: 'default',
  },
  argTypes: {
    tone: { control: 'inline-radio', options: ['default', 'danger'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => html`
    <button type="button" @click=${openNextDialog}>Open the dialog</button>
    <jt-confirm-dialog
      heading=${args.heading}
      message=${args.message}
      confirm-label=${ifDefined(args.confirmLabel)}
      cancel-label=${ifDefined(args.cancelLabel)}
      tone=${args.tone}
      theme=${ifDefined(args.theme)}
    ></jt-confirm-dialog>
  `,
} satisfies Meta<ConfirmDialogArgs>;

export default meta;
type Story = StoryObj<ConfirmDialogArgs>;

/** Opens the dialog the way a person does, and checks it is modal and showing the heading. */
async function openIt(canvasElement: HTMLElement): Promise<void> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Open the dialog' }));
  const host = canvasElement.querySelector('jt-confirm-dialog');
  if (!host) throw new Error('The story renders no <jt-confirm-dialog>.');
  const dialog = await inShadow<HTMLDialogElement>(host, 'dialog[open]');
  await expect(dialog.matches(':modal')).toBe(true);
}

/** Closed: nothing shows until the host calls `show()`. */
export const Closed: Story = {};

/** Open: a neutral change (a new role); focus starts on the confirm button. */
export const Open: Story = {
  play: ({ canvasElement }) => openIt(canvasElement),
};

/** A change that takes something away: the danger tone, and focus starts on Cancel. */
export const Danger: Story = {
  args: {
    heading: en.deactivateHeading('Jane Doe'),
    message: en.deactivateMessage('Jane Doe'),
    confirmLabel: en.deactivateConfirm,
    tone: 'danger',
  },
  play: ({ canvasElement }) => openIt(canvasElement),
};

/** A very long name wraps inside the dialog instead of widening it. */
export const LongNames: Story = {
  args: {
    heading: en.deactivateHeading(longName()),
    message: en.deactivateMessage(longName()),
    confirmLabel: en.deactivateConfirm,
    tone: 'danger',
  },
  play: ({ canvasElement }) => openIt(canvasElement),
};

/** The dark scheme, set by the page (`--jt-color-scheme: dark`). */
export const Dark: Story = {
  ...Danger,
  globals: { theme: 'dark' },
};

/** German: the host passes German texts; Cancel comes from the element's own German strings. */
export const German: Story = {
  args: {
    heading: de.deactivateHeading('Jana Schmidt'),
    message: de.deactivateMessage('Jana Schmidt'),
    confirmLabel: de.deactivateConfirm,
    tone: 'danger',
  },
  globals: { locale: 'de' },
  play: ({ canvasElement }) => openIt(canvasElement),
};
