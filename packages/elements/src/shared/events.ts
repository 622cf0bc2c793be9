/**
 * The events the elements fire. All bubble and are composed (they leave shadow roots), and all
 * carry their data both as typed fields and in `detail`, for frameworks that only read `detail`.
 *
 * @module
 */
import type { User, UserRole, UserStatus, UsersApiError } from '@jt-users/sdk';

/**
 * What every event of the elements shares: it bubbles and (unless a subclass says otherwise)
 * leaves shadow roots, takes its name from the subclass's static `eventName`, and carries the
 * fields of its `detail` on itself as well, so `event.user` is `event.detail.user`.
 */
export abstract class JtEvent<Detail extends object> extends CustomEvent<Detail> {
  /** The event's type, e.g. `jt-user-status-changed`. */
  declare static readonly eventName: string;

  protected constructor(detail: Detail, init: { cancelable?: boolean; composed?: boolean } = {}) {
    super(new.target.eventName, {
      bubbles: true,
      composed: true,
      ...init,
      detail,
    });
    // Own fields instead of one getter per field and class: the same values, in a fraction of the code.
    Object.assign(this, detail);
  }
}

/** Detail of {@link JtUserStatusChangeEvent}. */
export interface UserStatusChangeDetail {
  /** The user as shown when the control was activated. */
  user: User;
  /** The status the user would get. */
  status: UserStatus;
}

/**
 * `jt-user-status-change`: a status control was activated, before the confirm dialog opens.
 * Cancelable: `preventDefault()` stops the built-in dialog and request, so a host can run its own.
 */
export class JtUserStatusChangeEvent extends JtEvent<UserStatusChangeDetail> {
  static override readonly eventName = 'jt-user-status-change';
  declare readonly user: User;
  declare readonly status: UserStatus;
  constructor(detail: UserStatusChangeDetail) {
    super(detail, { cancelable: true });
  }
}

/** Detail of {@link JtUserStatusChangedEvent}. */
export interface UserStatusChangedDetail {
  /** The user as the server returned it. */
  user: User;
  /** The status the user had before. */
  previousStatus: UserStatus;
}

/**
 * `jt-user-status-changed`: the server confirmed a status change. That may come after a `jt-error`
 * for the same change that left open whether the server applied it, when a later read finds it
 * applied.
 */
export class JtUserStatusChangedEvent extends JtEvent<UserStatusChangedDetail> {
  static override readonly eventName = 'jt-user-status-changed';
  declare readonly user: User;
  declare readonly previousStatus: UserStatus;
  constructor(detail: UserStatusChangedDetail) {
    super(detail);
  }
}

/** Detail of {@link JtUserRoleChangeEvent}. */
export interface UserRoleChangeDetail {
  /** The user as shown when the change was asked for. */
  user: User;
  /** The role the user would get. */
  role: UserRole;
}

/**
 * `jt-user-role-change`: a role change was asked for, before the confirm dialog opens.
 * Cancelable like {@link JtUserStatusChangeEvent}.
 */
export class JtUserRoleChangeEvent extends JtEvent<UserRoleChangeDetail> {
  static override readonly eventName = 'jt-user-role-change';
  declare readonly user: User;
  declare readonly role: UserRole;
  constructor(detail: UserRoleChangeDetail) {
    super(detail, { cancelable: true });
  }
}

/** Detail of {@link JtUserRoleChangedEvent}. */
export interface UserRoleChangedDetail {
  /** The user as the server returned it. */
  user: User;
  /** The role the user had before. */
  previousRole: UserRole;
}

/**
 * `jt-user-role-changed`: the server confirmed a role change. That may come after a `jt-error`
 * for the same change that left open whether the server applied it, when a later read finds it
 * applied.
 */
export class JtUserRoleChangedEvent extends JtEvent<UserRoleChangedDetail> {
  static override readonly eventName = 'jt-user-role-changed';
  declare readonly user: User;
  declare readonly previousRole: UserRole;
  constructor(detail: UserRoleChangedDetail) {
    super(detail);
  }
}

/** Detail of {@link JtUserSelectEvent}. */
export interface UserSelectDetail {
  /** The user whose name was activated. */
  user: User;
}

/** `jt-user-select`: a user's name was activated (when it is a button, not a link). */
export class JtUserSelectEvent extends JtEvent<UserSelectDetail> {
  static override readonly eventName = 'jt-user-select';
  declare readonly user: User;
  constructor(detail: UserSelectDetail) {
    super(detail);
  }
}

/** Detail of {@link JtAccessDeniedEvent}. */
export interface AccessDeniedDetail {
  /**
   * The signed-in user as the client last read them; `null` when a 403 answer came before they
   * were read. After a 403 the role read may still be `admin`: the server's answer is the newer.
   */
  currentUser: User | null;
}

/** `jt-access-denied`: the signed-in user is not an Admin, or the server answered 403. Fires once per element. */
export class JtAccessDeniedEvent extends JtEvent<AccessDeniedDetail> {
  static override readonly eventName = 'jt-access-denied';
  declare readonly currentUser: User | null;
  constructor(detail: AccessDeniedDetail) {
    super(detail);
  }
}

/** What an element was doing when a request failed. */
export type JtOperation = 'load' | 'status' | 'role' | 'current-user';

/** Detail of {@link JtErrorEvent}. */
export interface JtErrorDetail {
  /** The SDK's error; `error.code` says what went wrong. */
  error: UsersApiError;
  /** What the element was doing. */
  operation: JtOperation;
}

/**
 * `jt-error`: a request failed (never for aborted requests), or the page set a `user` (operation
 * `load`) or a `currentUser` (operation `current-user`) that is not a user (`invalid_argument`).
 * Fires once per failure.
 */
export class JtErrorEvent extends JtEvent<JtErrorDetail> {
  static override readonly eventName = 'jt-error';
  declare readonly error: UsersApiError;
  declare readonly operation: JtOperation;
  constructor(detail: JtErrorDetail) {
    super(detail);
  }
}

/** Detail of {@link JtConfirmEvent} and {@link JtCancelEvent}. */
export interface ConfirmDialogDetail {
  /** The element that opened the dialog; focus has gone back to it. */
  opener: HTMLElement | null;
}

/**
 * `jt-confirm`: the person confirmed a `<jt-confirm-dialog>`. Bubbles but is not composed: it
 * stays inside the tree that holds the dialog, so dialogs inside the elements do not leak it.
 */
export class JtConfirmEvent extends JtEvent<ConfirmDialogDetail> {
  static override readonly eventName = 'jt-confirm';
  declare readonly opener: HTMLElement | null;
  constructor(detail: ConfirmDialogDetail) {
    super(detail, { composed: false });
  }
}

/** `jt-cancel`: a `<jt-confirm-dialog>` closed without confirming (Cancel, Escape). Not composed. */
export class JtCancelEvent extends JtEvent<ConfirmDialogDetail> {
  static override readonly eventName = 'jt-cancel';
  declare readonly opener: HTMLElement | null;
  constructor(detail: ConfirmDialogDetail) {
    super(detail, { composed: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'jt-user-status-change': JtUserStatusChangeEvent;
    'jt-user-status-changed': JtUserStatusChangedEvent;
    'jt-user-role-change': JtUserRoleChangeEvent;
    'jt-user-role-changed': JtUserRoleChangedEvent;
    'jt-user-select': JtUserSelectEvent;
    'jt-access-denied': JtAccessDeniedEvent;
    'jt-error': JtErrorEvent;
    'jt-confirm': JtConfirmEvent;
    'jt-cancel': JtCancelEvent;
  }
}
