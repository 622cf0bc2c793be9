/**
 * Registers every element's tag. With the single-file bundle that loads it, the only module of
 * the package with a side effect; loading it twice (or after a host defined some tags itself)
 * is harmless.
 *
 * @module
 */
import { JtConfirmDialog } from './confirm-dialog/confirm-dialog.js';
import { prepareFormatters, resolveLang } from './shared/i18n/localize.js';
import { JtUserStatusToggle } from './user-status-toggle/user-status-toggle.js';
import { JtUserTable } from './user-table/user-table.js';
import { JtUserProfile } from './user-profile/user-profile.js';

const elements: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['jt-confirm-dialog', JtConfirmDialog],
  ['jt-user-status-toggle', JtUserStatusToggle],
  ['jt-user-table', JtUserTable],
  ['jt-user-profile', JtUserProfile],
];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

// The elements' formatters are built while the page is idle, before any data arrives (see
// `prepareFormatters`). Only in a browser: a server-side render has no document.
(globalThis.requestIdleCallback ?? setTimeout)(
  () => globalThis.document && prepareFormatters(resolveLang(document.documentElement)),
);
