import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@jt-users/elements/define';
import type { JtCancelEvent, JtConfirmDialog, JtConfirmEvent } from '@jt-users/elements';
import { deepActiveElement, part } from './support.js';

async function setup(tone: 'danger' | 'default' = 'danger') {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div>
      <button id="opener">Open</button>
      <jt-confirm-dialog
        heading="Deactivate Jane Doe?"
        message="Jane Doe will no longer be able to log in."
        confirm-label="Deactivate"
        tone=${tone}
      ></jt-confirm-dialog>
    </div>
  `);
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  const dialog = wrapper.querySelector<JtConfirmDialog>('jt-confirm-dialog')!;
  opener.focus();
  return { opener, dialog };
}

const nativeDialog = (el: JtConfirmDialog) => part<HTMLDialogElement>(el, 'dialog');
const cancelButton = (el: JtConfirmDialog) => part<HTMLButtonElement>(el, '[part~="cancel-button"]');
const confirmButton = (el: JtConfirmDialog) => part<HTMLButtonElement>(el, '[part~="confirm-button"]');

describe('<jt-confirm-dialog>', () => {
  it('opens modally with the heading, the message and the labels', async () => {
    const { dialog } = await setup();
    const answer = dialog.show();
    await dialog.updateComplete;
    const native = nativeDialog(dialog);
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(dialog.isOpen).to.equal(true);
    expect(part(dialog, '[part~="heading"]').textContent).to.equal('Deactivate Jane Doe?');
    expect(part(dialog, '[part~="description"]').textContent).to.equal(
      'Jane Doe will no longer be able to log in.',
    );
    expect(confirmButton(dialog).textContent?.trim()).to.equal('Deactivate');
    expect(cancelButton(dialog).textContent?.trim()).to.equal('Cancel');
    await expect(dialog).to.be.accessible();
    dialog.close();
    expect(await answer).to.equal(false);
  });

  it('resolves true and fires jt-confirm when confirmed, then gives focus back to the opener', async () => {
    const { dialog, opener } = await setup();
    const answer = dialog.show();
    await dialog.updateComplete;
    const confirmed = oneEvent<JtConfirmEvent>(dialog, 'jt-confirm');
    confirmButton(dialog).click();
    expect(await answer).to.equal(true);
    expect((await confirmed).detail.opener).to.equal(opener);
    expect(nativeDialog(dialog).open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('resolves false and fires jt-cancel on Cancel', async () => {
    const { dialog, opener } = await setup();
    const answer = dialog.show();
    await dialog.updateComplete;
    const cancelled = oneEvent<JtCancelEvent>(dialog, 'jt-cancel');
    cancelButton(dialog).click();
    expect(await answer).to.equal(false);
    expect((await cancelled).detail.opener).to.equal(opener);
    expect(document.activeElement).to.equal(opener);
  });

  it('puts the first focus on Cancel for a danger dialog; Escape closes it with false', async () => {
    const { dialog, opener } = await setup('danger');
    const answer = dialog.show();
    await dialog.updateComplete;
    expect(deepActiveElement()).to.equal(cancelButton(dialog));
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('puts the first focus on the confirm button for a default dialog; Enter confirms', async () => {
    const { dialog } = await setup('default');
    const answer = dialog.show();
    await dialog.updateComplete;
    expect(deepActiveElement()).to.equal(confirmButton(dialog));
    await sendKeys({ press: 'Enter' });
    expect(await answer).to.equal(true);
  });

  it('keeps the page behind it out of reach: Tab never lands on the opener', async () => {
    const { dialog, opener } = await setup('danger');
    const answer = dialog.show();
    await dialog.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(confirmButton(dialog));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()).to.equal(cancelButton(dialog));
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).not.to.equal(opener);
    }
    dialog.close();
    expect(await answer).to.equal(false);
  });

  it('returns the same answer to a second show() while open, and answers once', async () => {
    const { dialog } = await setup();
    const first = dialog.show();
    const second = dialog.show();
    await dialog.updateComplete;
    let confirms = 0;
    dialog.addEventListener('jt-confirm', () => confirms++);
    confirmButton(dialog).click();
    expect(await first).to.equal(true);
    expect(await second).to.equal(true);
    expect(confirms).to.equal(1);
  });

  it('can be opened again after it was answered', async () => {
    const { dialog } = await setup();
    const first = dialog.show();
    await dialog.updateComplete;
    cancelButton(dialog).click();
    expect(await first).to.equal(false);
    const second = dialog.show();
    await dialog.updateComplete;
    confirmButton(dialog).click();
    expect(await second).to.equal(true);
  });

  it('answers in the same task as the click, so the change it confirms makes the next frame', async () => {
    const { dialog, opener } = await setup();
    void dialog.show();
    await dialog.updateComplete;
    const events: string[] = [];
    dialog.addEventListener('jt-confirm', () => events.push('jt-confirm'));
    confirmButton(dialog).click();
    // Nothing awaited: the answer, the closed dialog and the focus are all there already.
    expect(events).to.deep.equal(['jt-confirm']);
    expect(nativeDialog(dialog).open).to.equal(false);
    expect(nativeDialog(dialog).returnValue).to.equal('confirm');
    expect(document.activeElement).to.equal(opener);
  });

  it('is not answered by the late close event of the previous answer when opened again at once', async () => {
    const { dialog } = await setup();
    const first = dialog.show();
    await dialog.updateComplete;
    const lateClose = oneEvent(nativeDialog(dialog), 'close');
    cancelButton(dialog).click();
    expect(await first).to.equal(false);
    // Opened again before the browser delivered the first answer's `close` event.
    let secondAnswered = false;
    const second = dialog.show().then((confirmed) => ((secondAnswered = true), confirmed));
    await lateClose;
    await dialog.updateComplete;
    expect(secondAnswered).to.equal(false);
    expect(nativeDialog(dialog).open).to.equal(true);
    confirmButton(dialog).click();
    expect(await second).to.equal(true);
  });

  it('answers at once on close(), and does not open when closed before it did', async () => {
    const { dialog } = await setup();
    void dialog.show();
    await dialog.updateComplete;
    const events: string[] = [];
    dialog.addEventListener('jt-confirm', () => events.push('jt-confirm'));
    dialog.close(true);
    expect(events).to.deep.equal(['jt-confirm']);
    expect(nativeDialog(dialog).open).to.equal(false);

    // close() while show() still renders: answered, and never on screen.
    const early = dialog.show();
    dialog.close(false);
    expect(await early).to.equal(false);
    await aTimeout(0);
    expect(nativeDialog(dialog).open).to.equal(false);
    expect(dialog.isOpen).to.equal(false);
  });

  it('returns focus to the opener it was given', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="a">A</button><button id="b">B</button
        ><jt-confirm-dialog heading="Sure?"></jt-confirm-dialog>
      </div>`,
    );
    const dialog = wrapper.querySelector('jt-confirm-dialog')!;
    const b = wrapper.querySelector<HTMLButtonElement>('#b')!;
    wrapper.querySelector<HTMLButtonElement>('#a')!.focus();
    const answer = dialog.show(b);
    await dialog.updateComplete;
    dialog.close(false);
    await answer;
    expect(document.activeElement).to.equal(b);
  });

  it('shows slotted extra content', async () => {
    const el = await fixture<JtConfirmDialog>(
      html`<jt-confirm-dialog heading="Sure?"><p id="extra">More words</p></jt-confirm-dialog>`,
    );
    const answer = el.show();
    await el.updateComplete;
    const slot = part<HTMLSlotElement>(el, 'slot');
    expect(slot.assignedElements().map((node) => node.id)).to.deep.equal(['extra']);
    el.close();
    await answer;
  });

  it('renders heading and message as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = await fixture<JtConfirmDialog>(
      html`<jt-confirm-dialog .heading=${hostile} .message=${hostile}></jt-confirm-dialog>`,
    );
    expect(part(el, '[part~="heading"]').textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('labels its buttons in the language of the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><jt-confirm-dialog heading="Sicher?"></jt-confirm-dialog></div>`,
    );
    const el = wrapper.querySelector('jt-confirm-dialog')!;
    await el.updateComplete;
    expect(cancelButton(el).textContent?.trim()).to.equal('Abbrechen');
    expect(confirmButton(el).textContent?.trim()).to.equal('Bestätigen');
  });

  it('answers false when removed while open', async () => {
    const { dialog } = await setup();
    const answer = dialog.show();
    await dialog.updateComplete;
    dialog.remove();
    expect(await answer).to.equal(false);
  });

  it('answers false when asked off the page, and opens once back on it', async () => {
    const { opener, dialog } = await setup();
    // A host that took the element aside (a framework's kept-alive view) while a flow started.
    dialog.remove();
    expect(await dialog.show(opener)).to.equal(false);
    expect(dialog.isOpen).to.equal(false);

    opener.after(dialog);
    const answer = dialog.show(opener);
    await dialog.updateComplete;
    expect(nativeDialog(dialog).open).to.equal(true);
    cancelButton(dialog).click();
    expect(await answer).to.equal(false);
  });
});
