import { expect, fixture, html } from '@open-wc/testing';
import { announce, ensureLiveRegion, LIVE_REGION_ATTRIBUTE, type JtConfirmDialog } from '@jt-users/elements';
import '@jt-users/elements/define';
import { eventually, liveRegionText, shadow } from './support.js';

/** Every text the region held, in order, from now until `stop()`. */
function recordTexts(region: HTMLElement) {
  const texts: string[] = [];
  const observer = new MutationObserver(() => texts.push(region.textContent ?? ''));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return {
    texts,
    stop() {
      if (observer.takeRecords().length > 0) texts.push(region.textContent ?? '');
      observer.disconnect();
      return texts;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live region', () => {
  beforeEach(async () => {
    // Whatever an earlier test left to say is said before this one starts.
    await pause(100);
    ensureLiveRegion().textContent = '';
  });

  it('is one polite, atomic status region in the document, however often it is asked for', () => {
    const region = ensureLiveRegion();
    expect(ensureLiveRegion() === region, 'a second region').to.equal(true);
    expect(document.querySelectorAll(`[${LIVE_REGION_ATTRIBUTE}]`)).to.have.length(1);
    expect(region.parentElement === document.body, 'not in the body').to.equal(true);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getAttribute('aria-atomic')).to.equal('true');
    // Out of sight, but not hidden from screen readers.
    const box = region.getBoundingClientRect();
    expect(box.width * box.height).to.be.at.most(1);
    expect(getComputedStyle(region).display).to.not.equal('none');
    expect(getComputedStyle(region).visibility).to.equal('visible');
  });

  it('says messages that come close together together, in order', async () => {
    const record = recordTexts(ensureLiveRegion());
    announce('Ada was deactivated.');
    announce('Bo was activated.');
    await eventually(() => liveRegionText() !== '', 'nothing was said');
    expect(liveRegionText()).to.equal('Ada was deactivated. Bo was activated.');
    // One text, not the first one replaced by the second before a screen reader could read it.
    expect(record.stop().filter((text) => text !== '')).to.deep.equal([
      'Ada was deactivated. Bo was activated.',
    ]);
  });

  it('empties the region before saying the same message again, so it is read again', async () => {
    announce('Ada was deactivated.');
    await eventually(() => liveRegionText() === 'Ada was deactivated.', 'the first was not said');
    const record = recordTexts(ensureLiveRegion());
    announce('Ada was deactivated.');
    await eventually(() => record.texts.at(-1) === 'Ada was deactivated.', 'the second was not said');
    expect(record.stop()).to.deep.equal(['', 'Ada was deactivated.']);
  });

  it('speaks in the language of the message', async () => {
    announce('Ada wurde deaktiviert.', 'de');
    await eventually(() => liveRegionText() === 'Ada wurde deaktiviert.', 'not said');
    expect(ensureLiveRegion().lang).to.equal('de');
    announce('Ada was activated.', 'en');
    await eventually(() => liveRegionText() === 'Ada was activated.', 'not said');
    expect(ensureLiveRegion().lang).to.equal('en');
  });

  it('moves into a modal dialog of the page while it is open, where it is not inert, and back after', async () => {
    const dialog = await fixture<HTMLDialogElement>(html`<dialog><p>User details</p></dialog>`);
    dialog.showModal();
    announce('Ada was deactivated.');
    await eventually(() => liveRegionText() === 'Ada was deactivated.', 'not said in the dialog');
    expect(ensureLiveRegion().parentElement === dialog, 'not in the open dialog').to.equal(true);
    dialog.close();
    announce('Bo was activated.');
    await eventually(() => liveRegionText() === 'Bo was activated.', 'not said after it closed');
    expect(ensureLiveRegion().parentElement === document.body, 'not back in the body').to.equal(true);
  });

  it('speaks from the body when the page closes its dialog right after the message came', async () => {
    const dialog = await fixture<HTMLDialogElement>(html`<dialog><p>User details</p></dialog>`);
    dialog.showModal();
    announce('Ada was deactivated.');
    // A framework host closes its modal on the changed event, a moment later.
    await pause(10);
    dialog.close();
    await eventually(() => liveRegionText() === 'Ada was deactivated.', 'not said');
    expect(ensureLiveRegion().parentElement === document.body, 'said inside the closed dialog').to.equal(
      true,
    );
    // Or removes it, the region with it.
    dialog.showModal();
    announce('Bo wurde aktiviert.', 'de');
    await pause(10);
    dialog.remove();
    await eventually(() => liveRegionText() === 'Bo wurde aktiviert.', 'not said once the dialog was gone');
    expect(ensureLiveRegion().lang, 'the new region lost the language').to.equal('de');
  });

  it('waits while a confirm dialog is open, and speaks once it closes', async () => {
    const dialog = await fixture<JtConfirmDialog>(
      html`<jt-confirm-dialog heading="Deactivate Bo?" confirm-label="Deactivate"></jt-confirm-dialog>`,
    );
    const answer = dialog.show();
    await eventually(() => dialog.isOpen, 'the dialog did not open');
    announce('Ada was deactivated.');
    // The open dialog makes the region inert: a text put there now would never be read.
    await pause(200);
    expect(liveRegionText()).to.equal('');

    shadow(dialog).querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    expect(await answer).to.equal(false);
    await eventually(() => liveRegionText() === 'Ada was deactivated.', 'not said after the dialog closed');
  });
});
