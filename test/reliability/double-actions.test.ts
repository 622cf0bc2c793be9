/**
 * Double actions: double clicks, double confirms, Enter pressed twice or held down, rapid
 * toggling. Whatever the hands do, each confirmed change sends exactly one request, and the
 * final state (on screen and on the server) is the last confirmed intent.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@jt-users/elements/define';
import {
  stringsFor,
  type JtConfirmDialog,
  type JtUserStatusToggle,
  type JtUserTable,
} from '@jt-users/elements';
import type { User } from '@jt-users/sdk/schemas';
import type { ReferenceApi } from '@jt-users/reference-api/browser';
import { inShadow, mountProfile, ROLE_TARGET, text, type Cell } from './flows.js';
import {
  acceptSecretToken,
  eventually,
  referenceApi,
  settle,
  shadow,
  someMember,
  watchPage,
  watchedClient,
  type PageWatch,
  type WatchedClient,
} from './support.js';

/** A change a person asked for (the change event) and whether they confirmed it (the dialog). */
interface Intent {
  field: 'status' | 'role';
  value: string;
  confirmed: boolean;
}

/**
 * Records every intent: `jt-user-*-change` events reach the document; the dialog's `jt-confirm`
 * does not leave the shadow root it is in, so it is heard on the roots given. The controller opens
 * one dialog at a time, so a confirm always answers the latest intent.
 */
function intentLog(...roots: ShadowRoot[]) {
  const intents: Intent[] = [];
  const onStatus = (event: HTMLElementEventMap['jt-user-status-change']) =>
    intents.push({ field: 'status', value: event.status, confirmed: false });
  const onRole = (event: HTMLElementEventMap['jt-user-role-change']) =>
    intents.push({ field: 'role', value: event.role, confirmed: false });
  const onConfirm = () => {
    const last = intents.at(-1);
    if (last) last.confirmed = true;
  };
  document.addEventListener('jt-user-status-change', onStatus);
  document.addEventListener('jt-user-role-change', onRole);
  for (const root of roots) root.addEventListener('jt-confirm', onConfirm);
  return {
    intents,
    confirmed: () => intents.filter((intent) => intent.confirmed),
    stop() {
      document.removeEventListener('jt-user-status-change', onStatus);
      document.removeEventListener('jt-user-role-change', onRole);
      for (const root of roots) root.removeEventListener('jt-confirm', onConfirm);
    },
  };
}

type IntentLog = ReturnType<typeof intentLog>;

interface Setup {
  api: ReferenceApi;
  watched: WatchedClient;
  member: User;
}

async function setup(overrides: Partial<User> = {}): Promise<Setup> {
  const api = await referenceApi();
  acceptSecretToken(api);
  return { api, watched: watchedClient(), member: someMember(api, overrides) };
}

async function mountTable({ watched, member }: Setup) {
  const table = await fixture<JtUserTable>(
    html`<jt-user-table .client=${watched.client} .search=${member.email}></jt-user-table>`,
  );
  const row = () => inShadow(table, `[part~="row"][data-user-id="${member.id}"]`);
  await eventually(row, 'the row did not show');
  return {
    table,
    button: () => row()!.querySelector<HTMLButtonElement>('[part~="action-button"]')!,
    badge: () => text(row()?.querySelector('[part~="status-badge"]')),
    dialog: () => inShadow<JtConfirmDialog>(table, 'jt-confirm-dialog')!,
  };
}

async function mountToggle({ watched, member }: Setup) {
  const toggle = await fixture<JtUserStatusToggle>(
    html`<jt-user-status-toggle .client=${watched.client} user-id=${member.id}></jt-user-status-toggle>`,
  );
  await eventually(() => inShadow(toggle, '[role="switch"]'), 'the switch did not show');
  return {
    toggle,
    switchOf: () => inShadow<HTMLButtonElement>(toggle, '[role="switch"]')!,
    dialog: () => inShadow<JtConfirmDialog>(toggle, 'jt-confirm-dialog')!,
  };
}

const confirmButton = (dialog: JtConfirmDialog) =>
  inShadow<HTMLButtonElement>(dialog, '[part~="confirm-button"]')!;

async function opened(dialog: () => JtConfirmDialog): Promise<JtConfirmDialog> {
  await eventually(() => dialog().isOpen, 'the dialog did not open');
  await dialog().updateComplete;
  return dialog();
}

/**
 * The promises of the suite: one PUT per confirmed intent, each one a real change on the
 * server, and the server and the screen at the last confirmed intent (or the start, if none).
 */
async function assertOneRequestPerConfirmedChange(
  { api, watched, member }: Setup,
  log: IntentLog,
  dialogs: ReadonlyArray<() => JtConfirmDialog>,
  idle: () => boolean,
  shown: () => string,
  showFor: (user: User) => string,
): Promise<void> {
  // A confirm click closes the dialog a task later, and only then starts the change: wait for the
  // dialogs to close, the requests of every confirmation to leave, and the store to settle. (A
  // request too many still fails below: it can only come after the counts first matched.)
  await eventually(
    () =>
      dialogs.every((dialog) => !dialog().isOpen) &&
      watched.sent('PUT').length >= log.confirmed().length &&
      idle(),
    'the changes did not settle',
  );
  await settle();
  const confirmed = log.confirmed();
  expect(watched.sent('PUT'), 'one request per confirmed change').to.have.length(confirmed.length);
  expect(api.store.changes.filter((change) => change.userId === member.id)).to.have.length(confirmed.length);
  const last = confirmed.at(-1);
  const server = api.store.get(member.id)!;
  if (last) expect(server[last.field], 'the last confirmed intent').to.equal(last.value);
  else expect(server, 'nothing confirmed, nothing changed').to.deep.equal(member);
  expect(shown(), 'the screen equals the server').to.equal(showFor(server));
}

const en = stringsFor('en');

/** Rapid toggling goes on until this many changes were confirmed (or {@link MAX_ROUNDS} rounds). */
const WANTED_CHANGES = 4;
const MAX_ROUNDS = 40;

describe('double actions: one request per confirmed change, the last confirmed intent wins', () => {
  let watch: PageWatch;
  let log: IntentLog | undefined;
  beforeEach(() => (watch = watchPage()));
  afterEach(() => {
    log?.stop();
    log = undefined;
    watch.stop();
    expect(watch.errors, 'no jt-error').to.deep.equal([]);
    expect(watch.unhandled, 'no unhandled rejection').to.deep.equal([]);
    expect(watch.consoleErrors, 'no console error').to.deep.equal([]);
  });

  it('double click on the table’s action button: one dialog, one request', async () => {
    const context = await setup();
    const { table, button, badge, dialog } = await mountTable(context);
    log = intentLog(shadow(table));
    button().click();
    button().click();
    confirmButton(await opened(dialog)).click();
    expect(log.intents, 'the second click asked nothing').to.have.length(1);
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [dialog],
      () => !table.store?.isPending(context.member.id),
      badge,
      (u) => en.status(u.status),
    );
    expect(log.confirmed()).to.have.length(1);
  });

  it('double click on the toggle: one dialog, one request', async () => {
    const context = await setup();
    const { toggle, switchOf, dialog } = await mountToggle(context);
    log = intentLog(shadow(toggle));
    switchOf().click();
    switchOf().click();
    confirmButton(await opened(dialog)).click();
    expect(log.intents).to.have.length(1);
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [dialog],
      () => !toggle.store?.isPending(context.member.id),
      () => switchOf().getAttribute('aria-checked') ?? '',
      (u) => String(u.status === 'active'),
    );
  });

  it('double confirm (two clicks on Deactivate): one request', async () => {
    const context = await setup();
    const { table, button, badge, dialog } = await mountTable(context);
    log = intentLog(shadow(table));
    button().click();
    const open = await opened(dialog);
    confirmButton(open).click();
    confirmButton(open).click();
    await eventually(() => context.watched.sent('PUT').length > 0, 'nothing sent');
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [dialog],
      () => !table.store?.isPending(context.member.id),
      badge,
      (u) => en.status(u.status),
    );
    expect(log.confirmed()).to.have.length(1);
  });

  it('Enter pressed twice on the confirm button: one request', async () => {
    // An inactive user: the Activate dialog starts on its confirm button.
    const context = await setup({ status: 'inactive' });
    context.api.faults.latencyMs = 100;
    const { toggle, switchOf, dialog } = await mountToggle(context);
    log = intentLog(shadow(toggle));
    switchOf().focus();
    await sendKeys({ press: 'Enter' });
    await opened(dialog);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => !toggle.store?.isPending(context.member.id) && !dialog().isOpen, 'not settled');
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [dialog],
      () => !toggle.store?.isPending(context.member.id),
      () => switchOf().getAttribute('aria-checked') ?? '',
      (u) => String(u.status === 'active'),
    );
    expect(log.confirmed().map((intent) => intent.value)).to.deep.equal(['active']);
  });

  it('Enter pressed twice on Deactivate in the table: one request', async () => {
    const context = await setup();
    context.api.faults.latencyMs = 100;
    const { table, button, badge, dialog } = await mountTable(context);
    log = intentLog(shadow(table));
    button().focus();
    await sendKeys({ press: 'Enter' });
    const open = await opened(dialog);
    confirmButton(open).focus(); // A deactivation starts on Cancel, the safe choice.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [dialog],
      () => !table.store?.isPending(context.member.id) && !dialog().isOpen,
      badge,
      (u) => en.status(u.status),
    );
    expect(log.confirmed().map((intent) => intent.value)).to.deep.equal(['inactive']);
  });

  for (const start of ['active', 'inactive'] as const) {
    it(`Enter held down on the table’s action button (${start} user): one request per confirmation`, async () => {
      const context = await setup({ status: start });
      const { table, button, badge, dialog } = await mountTable(context);
      log = intentLog(shadow(table));
      button().focus();
      // Pressing a key that is already down makes the browser send repeated keydowns, as a held key does.
      for (let repeat = 0; repeat < 8; repeat++) await sendKeys({ down: 'Enter' });
      await sendKeys({ up: 'Enter' });
      await eventually(() => !table.store?.isPending(context.member.id), 'not settled');
      if (dialog().isOpen) await sendKeys({ press: 'Escape' });
      await assertOneRequestPerConfirmedChange(
        context,
        log,
        [dialog],
        () => !table.store?.isPending(context.member.id),
        badge,
        (u) => en.status(u.status),
      );
      // How many repeats reach the button again depends on when the dialog opens and the change
      // settles, which a loaded machine shifts; at least the first keydown must have acted.
      expect(log.intents.length, 'the held key reached the button').to.be.at.least(1);
      // A deactivation opens on Cancel: a held Enter must never confirm it.
      expect(log.confirmed().filter((intent) => intent.value === 'inactive')).to.deep.equal([]);
    });
  }

  it('rapid toggling: clicks and confirms as fast as they come, one request per confirmed change', async () => {
    const context = await setup();
    context.api.faults.latencyMs = 30;
    const { toggle, switchOf, dialog } = await mountToggle(context);
    log = intentLog(shadow(toggle));
    const busy = () => toggle.store?.isPending(context.member.id) ?? false;
    for (let round = 0; round < MAX_ROUNDS && log.confirmed().length < WANTED_CHANGES; round++) {
      switchOf().click();
      switchOf().click();
      // Either a dialog opens, or the switch is busy with the last change and ignored the clicks.
      await eventually(() => dialog().isOpen || busy(), 'no reaction');
      if (dialog().isOpen) {
        await dialog().updateComplete;
        confirmButton(dialog()).click();
        confirmButton(dialog()).click();
        await eventually(() => !dialog().isOpen, 'the dialog stayed open');
      } else {
        await eventually(() => !busy(), 'the change did not settle');
      }
    }
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [dialog],
      () => !toggle.store?.isPending(context.member.id),
      () => switchOf().getAttribute('aria-checked') ?? '',
      (u) => String(u.status === 'active'),
    );
    expect(log.confirmed(), 'changes went through').to.have.length(WANTED_CHANGES);
  });

  it('rapid toggling in a table and a toggle of the same user: one request per confirmed change', async () => {
    const context = await setup();
    context.api.faults.latencyMs = 30;
    const table = await mountTable(context);
    const toggle = await mountToggle(context);
    log = intentLog(shadow(table.table), shadow(toggle.toggle));
    const busy = () => table.table.store?.isPending(context.member.id) ?? false;
    for (let round = 0; round < MAX_ROUNDS && log.confirmed().length < WANTED_CHANGES; round++) {
      const [opener, dialog] =
        round % 2 === 0 ? [table.button(), table.dialog] : [toggle.switchOf(), toggle.dialog];
      opener.click();
      opener.click();
      await eventually(() => dialog().isOpen || busy(), 'no reaction');
      if (dialog().isOpen) {
        await dialog().updateComplete;
        confirmButton(dialog()).click();
        await eventually(() => !dialog().isOpen, 'the dialog stayed open');
      } else {
        await eventually(() => !busy(), 'the change did not settle');
      }
    }
    const idle = () => !table.table.store?.isPending(context.member.id);
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [table.dialog, toggle.dialog],
      idle,
      table.badge,
      (u) => en.status(u.status),
    );
    expect(toggle.switchOf().getAttribute('aria-checked')).to.equal(
      String(context.api.store.get(context.member.id)!.status === 'active'),
    );
    expect(log.confirmed(), 'changes went through').to.have.length(WANTED_CHANGES);
  });

  it('double click and double confirm on the profile’s role button: one request', async () => {
    const context = await setup();
    const cell: Cell = { ...context, lang: 'en', s: en };
    const { profile } = await mountProfile(cell);
    log = intentLog(shadow(profile));
    const select = inShadow<HTMLSelectElement>(profile, '[part~="role-select"]')!;
    select.value = ROLE_TARGET;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await profile.updateComplete;
    const apply = inShadow<HTMLButtonElement>(profile, '[part~="role-apply-button"]')!;
    apply.click();
    apply.click();
    const dialog = await opened(() => inShadow<JtConfirmDialog>(profile, 'jt-confirm-dialog')!);
    confirmButton(dialog).click();
    confirmButton(dialog).click();
    expect(log.intents).to.have.length(1);
    await assertOneRequestPerConfirmedChange(
      context,
      log,
      [() => dialog],
      () => !profile.store?.isPending(context.member.id),
      () => text(inShadow(profile, '[data-field="role"] [part~="field-value"]')),
      (u) => en.role(u.role),
    );
    expect(log.confirmed().map((intent) => intent.value)).to.deep.equal([ROLE_TARGET]);
  });
});
