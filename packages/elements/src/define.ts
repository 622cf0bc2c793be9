/**
 * Registers every element's tag. The only module of the package with a side effect; loading it
 * twice (or after a host defined some tags itself) is harmless.
 *
 * @module
 */
import { JtConfirmDialog } from './confirm-dialog/confirm-dialog.js';
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
