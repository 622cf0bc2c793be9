/**
 * Where focus goes when the focused control of an element disappears (an update replaced it, or
 * the control that opened a dialog went while the dialog was open), so the keyboard carries on
 * from inside the element rather than from the top of the document.
 *
 * @module
 */

/**
 * A Retry or the element's main control (the table's scrolling region, the role select, the
 * switch): the first of them in the element's markup.
 */
const FALLBACK_CONTROL = "[part~='retry-button'],[part~='scroller'],[part~='role-select'],[part~='switch']";

/** A notice that stays (not one that says "loading"): the place to be when no control is left. */
const FINAL_NOTICE = "[part~='notice']:not([aria-busy='true'])";

/** The id of the user whose table row holds `element`, if it is in one. */
export function rowUserId(element: Element | null | undefined): string | undefined {
  return element?.closest<HTMLElement>('[data-user-id]')?.dataset.userId;
}

/**
 * Keeps the focus with `userId` when `control` (focused, or given the focus back by a dialog) no
 * longer stands for them: it left the page, or its table row now shows another user (rows are
 * filled in place). The same control in the user's row takes the focus, else the fallback.
 * False when neither is there yet. (An id of the contract needs no escaping in the selector.)
 */
export function refocus(root: ParentNode, control: HTMLElement, userId?: string): boolean {
  const row = rowUserId(control);
  if (control.isConnected && (!row || row === userId)) return true;
  const own =
    userId && root.querySelector<HTMLElement>(`[data-user-id="${userId}"] [part~="${control.part[0]}"]`);
  if (!own) return focusFallback(root);
  own.focus();
  return true;
}

/** Focuses the fallback in `root`; false when there is none yet (the element is loading). */
export function focusFallback(root: ParentNode): boolean {
  const target =
    root.querySelector<HTMLElement>(FALLBACK_CONTROL) ?? root.querySelector<HTMLElement>(FINAL_NOTICE);
  if (!target) return false;
  // A notice is focusable only from here on, for this one purpose.
  if (!target.matches(FALLBACK_CONTROL)) target.tabIndex = -1;
  target.focus();
  return true;
}
