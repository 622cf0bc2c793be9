/**
 * The events the elements fire. All bubble and are composed (they leave shadow roots), and all
 * carry their data both as typed fields and in `detail`, for frameworks that only read `detail`.
 *
 * @module
 */
import type { UsersApiError } from '@jt-users/sdk';
import type { User, UserRole, UserStatus } from '@jt-users/sdk';

const bubbling = { bubbles: true, composed: true } as const;

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
export class JtUserStatusChangeEvent extends CustomEvent<UserStatusChangeDetail> {
  static readonly eventName = 'jt-user-status-change';
  constructor(detail: UserStatusChangeDetail) {
    super(JtUserStatusChangeEvent.eventName, { ...bubbling, cancelable: true, detail });
  }
  get user(): User {
    return this.detail.user;
  }
  get status(): UserStatus {
    return this.detail.status;
  }
}

/** Detail of {@link JtUserStatusChangedEvent}. */
export interface UserStatusChangedDetail {
  /** The user as the server returned it. */
  user: User;
  /** The status the user had before. */
  previousStatus: UserStatus;
}

/** `jt-user-status-changed`: the server confirmed a status change. */
export class JtUserStatusChangedEvent extends CustomEvent<UserStatusChangedDetail> {
  static readonly eventName = 'jt-user-status-changed';
  constructor(detail: UserStatusChangedDetail) {
    super(JtUserStatusChangedEvent.eventName, { ...bubbling, detail });
  }
  get user(): User {
    return this.detail.user;
  }
  get previousStatus(): UserStatus {
    return this.detail.previousStatus;
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
export class JtUserRoleChangeEvent extends CustomEvent<UserRoleChangeDetail> {
  static readonly eventName = 'jt-user-role-change';
  constructor(detail: UserRoleChangeDetail) {
    super(JtUserRoleChangeEvent.eventName, { ...bubbling, cancelable: true, detail });
  }
  get user(): User {
    return this.detail.user;
  }
  get role(): UserRole {
    return this.detail.role;
  }
}

/** Detail of {@link JtUserRoleChangedEvent}. */
export interface UserRoleChangedDetail {
  /** The user as the server returned it. */
  user: User;
  /** The role the user had before. */
  previousRole: UserRole;
}

/** `jt-user-role-changed`: the server confirmed a role change. */
export class JtUserRoleChangedEvent extends CustomEvent<UserRoleChangedDetail> {
  static readonly eventName = 'jt-user-role-changed';
  constructor(detail: UserRoleChangedDetail) {
    super(JtUserRoleChangedEvent.eventName, { ...bubbling, detail });
  }
  get user(): User {
    return this.detail.user;
  }
  get previousRole(): UserRole {
    return this.detail.previousRole;
  }
}

/** Detail of {@link JtUserSelectEvent}. */
export interface UserSelectDetail {
  /** The user whose name was activated. */
  user: User;
}

/** `jt-user-select`: a user's name was activated (when it is a button, not a link). */
export class JtUserSelectEvent extends CustomEvent<UserSelectDetail> {
  static readonly eventName = 'jt-user-select';
  constructor(detail: UserSelectDetail) {
    super(JtUserSelectEvent.eventName, { ...bubbling, detail });
  }
  get user(): User {
    return this.detail.user;
  }
}

/** Detail of {@link JtAccessDeniedEvent}. */
export interface AccessDeniedDetail {
  /** The signed-in user, when known; `null` when only a 403 answer said so. */
  currentUser: User | null;
}

/** `jt-access-denied`: the signed-in user is not an Admin, or the server answered 403. Fires once per element. */
export class JtAccessDeniedEvent extends CustomEvent<AccessDeniedDetail> {
  static readonly eventName = 'jt-access-denied';
  constructor(detail: AccessDeniedDetail) {
    super(JtAccessDeniedEvent.eventName, { ...bubbling, detail });
  }
  get currentUser(): User | null {
    return this.detail.currentUser;
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

/** `jt-error`: a request failed (never for aborted requests). Fires once per failure. */
export class JtErrorEvent extends CustomEvent<JtErrorDetail> {
  static readonly eventName = 'jt-error';
  constructor(detail: JtErrorDetail) {
    super(JtErrorEvent.eventName, { ...bubbling, detail });
  }
  get error(): UsersApiError {
    return this.detail.error;
  }
  get operation(): JtOperation {
    return this.detail.operation;
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
export class JtConfirmEvent extends CustomEvent<ConfirmDialogDetail> {
  static readonly eventName = 'jt-confirm';
  constructor(detail: ConfirmDialogDetail) {
    super(JtConfirmEvent.eventName, { bubbles: true, composed: false, detail });
  }
}

/** `jt-cancel`: a `<jt-confirm-dialog>` closed without confirming (Cancel, Escape). Not composed. */
export class JtCancelEvent extends CustomEvent<ConfirmDialogDetail> {
  static readonly eventName = 'jt-cancel';
  constructor(detail: ConfirmDialogDetail) {
    super(JtCancelEvent.eventName, { bubbles: true, composed: false, detail });
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
