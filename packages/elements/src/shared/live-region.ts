/**
 * The one polite live region of the page, shared by every element, for announcing results such
 * as "Jane Doe was deactivated." A single region in the document (not one per shadow root) is
 * what screen readers follow most reliably.
 *
 * @module
 */
import { VISUALLY_HIDDEN } from './theme.js';

/** Attribute that marks the region; tests and hosts can find it with `[data-jt-live-region]`. */
export const LIVE_REGION_ATTRIBUTE = 'data-jt-live-region';

let region: HTMLElement | undefined;

/**
 * Creates the region if it is missing. Elements call this when they connect, so the region is in
 * the page before the first announcement (a region created together with its text is often not read).
 */
export function ensureLiveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.setAttribute(LIVE_REGION_ATTRIBUTE, '');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  // Visually hidden but read. Set through the CSSOM: a `style` attribute would break under a
  // strict Content-Security-Policy.
  region.style.cssText = VISUALLY_HIDDEN;
  document.body.append(region);
  return region;
}

/**
 * How long the region stays empty before the new text goes in. Screen readers coalesce changes
 * made close together; the pause makes "same text again" a change they announce. A timer, not
 * an animation frame: frames do not run in hidden tabs, announcements still must.
 */
const ANNOUNCE_DELAY_MS = 50;
let pending: ReturnType<typeof setTimeout> | undefined;
/** What is still to be said: messages that come close together are said together, in order. */
let queued = '';
/** The language of the last message given one: the region may be made anew before it speaks. */
let queuedLang: string | undefined;
/**
 * Modal dialogs open now. A modal dialog makes the rest of the page inert, this region too, and
 * screen readers do not read what changes there: messages wait for the last one to close.
 */
let modals = 0;

/**
 * Puts the region where screen readers read it: inside the page's open modal dialog if there is
 * one (user details, say: it makes everything outside it inert, this region too), else in the
 * body. Whether it was there already: text put into a region just made or moved is often not read.
 */
function placeRegion(): boolean {
  const settled = !!region?.isConnected;
  const target = ensureLiveRegion();
  let place: Element = document.body;
  try {
    place = [...document.querySelectorAll('dialog:modal')].at(-1) ?? place;
  } catch {
    // A browser that does not know `:modal`: the body, as before it.
  }
  if (target.parentElement === place) return settled;
  place.append(target);
  return false;
}

function sayQueued(): void {
  clearTimeout(pending);
  if (modals === 0 && queued) {
    pending = setTimeout(() => {
      // The page may have opened, closed or removed its dialog meanwhile: once placed anew, the
      // region waits another pause before it speaks.
      if (!placeRegion()) return sayQueued();
      const target = ensureLiveRegion();
      if (queuedLang) target.lang = queuedLang;
      target.textContent = queued;
      queued = '';
    }, ANNOUNCE_DELAY_MS);
  }
}

/** Says `message` politely, in `lang` when given, after any message still waiting. */
export function announce(message: string, lang?: string): void {
  placeRegion();
  ensureLiveRegion().textContent = '';
  if (lang) queuedLang = lang;
  queued = queued ? `${queued} ${message}` : message;
  sayQueued();
}

/** Called by a dialog as it opens modally, and with `false` as it closes. */
export function setModalOpen(open: boolean): void {
  modals += open ? 1 : -1;
  sayQueued();
}

/** Whether a modal dialog makes the page, and what it shows, inert now. */
export const isModalOpen = (): boolean => modals > 0;
