/**
 * The exports the package entry and the single-file build share: everything of
 * `@jt-users/elements` but the German string table, which the single-file build must not carry
 * (it loads German on demand, from a file next to it).
 *
 * @module
 */
export { JtConfirmDialog, type ConfirmTone } from './confirm-dialog/confirm-dialog.js';
export { JtUserStatusToggle } from './user-status-toggle/user-status-toggle.js';
export { JtUserTable, type UserStatusFilter } from './user-table/user-table.js';
export { JtUserProfile } from './user-profile/user-profile.js';

export { JtElement, type AccessState } from './shared/jt-element.js';
export { JtUserElement } from './shared/user-element.js';
export { UsersStore, type UsersStoreListener, type UserMutation } from './shared/users-store.js';
export { clientForApiBase, resolveClient } from './shared/client-config.js';
export { UserChangeController, type ChangeOutcome } from './shared/user-change-controller.js';
export { announce, ensureLiveRegion, LIVE_REGION_ATTRIBUTE } from './shared/live-region.js';
export { errorMessage, isAbortError } from './shared/messages.js';
export { themeStyles, buttonStyles } from './shared/theme.js';
export {
  BUILT_IN_LANGUAGES,
  formatDate,
  formatDateTime,
  formatNumber,
  isolate,
  loadStrings,
  onLocaleChange,
  resolveLang,
  setStrings,
  stringsFor,
  type Strings,
} from './shared/i18n/localize.js';
export { en, type UserField } from './shared/i18n/en.js';
export * from './shared/events.js';
