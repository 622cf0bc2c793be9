/**
 * English strings: the source of every key. Other languages are typed against this table, so a
 * missing or misspelled key in a translation is a compile error.
 *
 * Values are plain strings or functions of already formatted values (names, numbers, dates), so
 * a translation can put words in its own order.
 *
 * @module
 */
import type { User, UserRole, UserStatus } from '@jt-users/sdk';

const roles: Record<UserRole, string> = {
  admin: 'Admin',
  manager: 'Manager',
  member: 'Member',
  external: 'External',
};

/** A field of a user that people read: the table's columns and the profile's fields. */
export type UserField = Exclude<keyof User, 'id' | 'statusChangedBy'>;

/** One name per field, wherever it labels one: a column, a profile field, the status filter. */
const fields: Record<UserField, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  status: 'Status',
  createdAt: 'Created',
  lastLoginAt: 'Last login',
  statusChangedAt: 'Status last changed',
};

export const en = {
  // ---- shared -------------------------------------------------------------------------------
  role: (role: UserRole): string => roles[role],
  status: (status: UserStatus): string => (status === 'active' ? 'Active' : 'Inactive'),
  field: (field: UserField): string => fields[field],
  never: 'Never',
  loading: 'Loading…',
  saving: 'Saving…',
  retry: 'Retry',
  cancel: 'Cancel',
  confirm: 'Confirm',
  you: 'You',
  notConfigured: 'No user API is configured for this element.',
  accessChecking: 'Checking your access…',
  accessDenied: (role: string): string =>
    `You are signed in as ${role}. Only Admins can view and change users.`,
  accessDeniedUnknown: 'Only Admins can view and change users.',
  accessError: 'Your access could not be checked.',
  userLoadError: 'The user could not be loaded.',
  /** The page gave the element a user that is not one (a field missing or of the wrong kind). */
  userInvalid: "This user's details are incomplete or malformed, so they are not shown.",
  selfDeactivationHint: 'This is your own account. You cannot deactivate yourself.',

  // ---- confirm dialog: status and role changes ----------------------------------------------
  deactivateHeading: (name: string): string => `Deactivate ${name}?`,
  deactivateMessage: (name: string): string => `${name} will no longer be able to log in.`,
  deactivateConfirm: 'Deactivate',
  activateHeading: (name: string): string => `Activate ${name}?`,
  activateMessage: (name: string, role: string): string => `${name} will be able to log in again as ${role}.`,
  activateConfirm: 'Activate',
  roleHeading: (name: string): string => `Change the role of ${name}?`,
  roleMessage: (name: string, from: string, to: string): string =>
    `${name} will change from ${from} to ${to} and get the access of that role.`,
  roleMessageSelf: (to: string): string =>
    `You will become ${to} and no longer be able to view or change users. Only another Admin can undo this.`,
  roleConfirm: 'Change role',

  // ---- announcements (polite live region) ---------------------------------------------------
  announceActivated: (name: string): string => `${name} was activated.`,
  announceDeactivated: (name: string): string => `${name} was deactivated.`,
  announceRoleChanged: (name: string, role: string): string => `${name} is now ${role}.`,
  /** Said before the error's message when the element that started the change is gone. */
  announceNotChanged: (name: string): string => `${name} was not changed.`,

  // ---- error messages, one per error code (see shared/messages.ts) --------------------------
  errorForbidden: 'You are not allowed to change users. Only Admins can.',
  errorNotFound: 'This user no longer exists.',
  errorSelfDeactivation: 'You cannot deactivate your own account.',
  errorLastAdmin:
    'This change would leave the organization without an active Admin. Make another user an Admin first.',
  /** `seconds` is 0 when the server did not say how long to wait. */
  errorRateLimited: (seconds: number, formatted: string): string =>
    `Too many requests. Try again in ${seconds === 0 ? 'a moment' : seconds === 1 ? '1 second' : `${formatted} seconds`}.`,
  errorUnauthenticated: 'Your session has ended. Sign in again.',
  errorInvalidRequest: 'The server refused the request as invalid.',
  errorNetwork: 'The server could not be reached. Check the connection and try again.',
  errorTimeout: 'The server took too long to answer. Try again.',
  errorInvalidResponse: 'The server sent an answer that could not be understood.',
  errorServer: 'The server had a problem. Try again later.',
  errorUnknown: 'Something went wrong. Try again.',

  // ---- status toggle -------------------------------------------------------------------------
  switchName: (name: string): string => `${name} can log in`,

  // ---- user table ----------------------------------------------------------------------------
  tableCaption: 'Users',
  columnAction: 'Action',
  searchLabel: 'Search users',
  searchPlaceholder: 'Name or email',
  filterAll: 'All',
  sortAscending: (column: string): string => `Sort by ${column}, ascending`,
  sortDescending: (column: string): string => `Sort by ${column}, descending`,
  userCount: (count: number, formatted: string): string => (count === 1 ? '1 user' : `${formatted} users`),
  shownOfTotal: (shown: string, total: string): string => `Showing ${shown} of ${total}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  noUsers: 'There are no users yet.',
  noMatches: 'No users match the search and filter.',
  /** A page after the first that came back empty (its users left the list since it was offered). */
  pageEmpty: 'There are no more users on this page.',
  listLoadError: 'The users could not be loaded.',
  actionDeactivate: (name: string): string => `Deactivate ${name}`,
  actionActivate: (name: string): string => `Activate ${name}`,
  selfActionHint: 'You cannot deactivate yourself.',

  // ---- user profile --------------------------------------------------------------------------
  profileHeading: 'Profile',
  rolesHeading: 'Roles and permissions',
  extraSettingsHeading: 'Extra Settings',
  statusChangedBy: (date: string, name: string): string => `${date} by ${name}`,
  roleDescription: (role: UserRole): string =>
    ({
      admin: 'Can view, create and change users, and everything a Manager can do.',
      manager: 'Can manage the platform’s content and settings, but not users.',
      member: 'Can use the platform with the usual access.',
      external: 'Can see only what is shared with them.',
    })[role],
  statusDescription: (status: UserStatus): string =>
    status === 'active' ? 'Can log in with the access of their role.' : 'Cannot log in at all.',
  profileNoUser: 'No user is selected.',
  profileNotFound: 'There is no user with this ID. Check the link that led here.',
  rolesIntro:
    'The role decides what a user can do. To restrict a user without deactivating them, give them another role.',
  extraSettingsIntro:
    'An inactive user cannot log in at all. Users are never deleted: you can activate them again at any time.',
};

/** The shape every string table has: the keys and signatures of {@link en}. */
export type Strings = typeof en;
