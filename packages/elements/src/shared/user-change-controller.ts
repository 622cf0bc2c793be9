/**
 * The one implementation of the status-change and role-change flows, used by the table, the
 * toggle and the profile alike:
 *
 * control → cancelable `jt-user-status-change` → `<jt-confirm-dialog>` → `store.setStatus`
 * (instant everywhere, pending) → `jt-user-status-changed` + polite announcement, or rollback
 * (done by the store) + message for the control + `jt-error`. When nobody could tell whether
 * the server applied a failed change, and a later read of the store finds it applied, the
 * message goes and the changed event and announcement come after all.
 *
 * @module
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import type { User, UserRole, UserStatus } from '@jt-users/sdk';
import { JtConfirmDialog, type ConfirmTone } from '../confirm-dialog/confirm-dialog.js';
import {
  JtUserRoleChangeEvent,
  JtUserRoleChangedEvent,
  JtUserStatusChangeEvent,
  JtUserStatusChangedEvent,
} from './events.js';
import { refocus } from './focus-fallback.js';
import type { JtElement } from './jt-element.js';
import { announce, isModalOpen } from './live-region.js';
import { isolate, stringsFor, type Strings } from './i18n/localize.js';
import { errorMessage } from './messages.js';
import type { UserMutation } from './users-store.js';

/**
 * How a flow ended:
 * - `changed`: the server confirmed;
 * - `failed`: the server refused or could not be reached; the message is in `errorFor()` (when
 *   nobody could tell whether the server applied it, a later read may still find it applied, and
 *   the changed event comes then);
 * - `cancelled`: the person cancelled the dialog (nothing was sent);
 * - `prevented`: a listener called `preventDefault()` on the change event;
 * - `busy`: a change of that user is already pending or a dialog is open (nothing happened);
 * - `refused`: the change is not offered (deactivating oneself).
 */
export type ChangeOutcome = 'changed' | 'failed' | 'cancelled' | 'prevented' | 'busy' | 'refused';

interface Prompt {
  heading: string;
  message: string;
  confirmLabel: string;
  tone: ConfirmTone;
}

const DIALOG_TAG = 'jt-confirm-dialog';

/**
 * Add one to an element (`#changes = new UserChangeController(this)`), put
 * `${this.#changes.renderDialog()}` in every `render()` branch that shows a control, and call
 * {@link UserChangeController.changeStatus} / {@link UserChangeController.changeRole} from the
 * control. Show {@link UserChangeController.errorFor} next to the control (`role="alert"`) and
 * disable it while {@link UserChangeController.isPending}.
 */
export class UserChangeController implements ReactiveController {
  readonly #host: JtElement;
  /**
   * The last failure of each change (by kind and user id), put into words when shown; with it,
   * whose change it was, the value it asked for, and when it came (a count of failures).
   */
  readonly #errors = new Map<string, { error: unknown; to: string; at: number; id: string }>();
  /** How many failures were kept: what {@link UserChangeController.failureMark} reads. */
  #failures = 0;
  /** The open dialog's words, in the element's language of the moment: it may change meanwhile. */
  #prompt: (strings: Strings) => Prompt = () => ({
    heading: '',
    message: '',
    confirmLabel: '',
    tone: 'default',
  });
  /** The kind and user id of the change whose dialog is open. */
  #prompting: string | undefined;
  /** A change found applied while the dialog asking for it again was open: said when it closes. */
  #appliedMeanwhile: (() => void) | undefined;

  constructor(host: JtElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // The dialog is needed by every flow; define it if the page only defined the host element.
    if (!customElements.get(DIALOG_TAG)) customElements.define(DIALOG_TAG, JtConfirmDialog);
  }

  /**
   * The message of the last failed change of that user and kind, in the element's language of
   * the moment, until the next attempt, or until the user has what it asked for: found applied
   * after all, or made again in another element of the page (from the moment that attempt shows,
   * before its answer: if it fails too, that element says so).
   */
  errorFor(userId: string, kind: UserMutation = 'status'): string | undefined {
    const key = `${kind}:${userId}`;
    const failed = this.#errors.get(key);
    if (failed && failed.to !== this.#host.store?.get(userId)?.[kind])
      return this.#host.messageFor(failed.error);
    // Forgotten, not only hidden: should the value change back later, the failure is no news.
    this.#errors.delete(key);
  }

  /** Whether a change of that user (of `kind`, or of any kind) is waiting for the server. */
  isPending(userId: string, kind?: UserMutation): boolean {
    return this.#host.store?.isPending(userId, kind) ?? false;
  }

  /** A mark in time for {@link UserChangeController.forgetErrorsBefore}. */
  get failureMark(): number {
    return this.#failures;
  }

  /**
   * Forgets the errors kept before `mark` of users other than `userIds`, e.g. when a list's new
   * answer no longer shows them: their message was on screen, and is no news when they come
   * back. One kept since (while the answer was on its way) may not have been seen yet: it stays.
   */
  forgetErrorsBefore(mark: number, userIds: ReadonlySet<string>): void {
    for (const [key, failed] of this.#errors) {
      if (failed.at <= mark && !userIds.has(failed.id)) this.#errors.delete(key);
    }
  }

  /**
   * Forgets a shown error, and cancels a dialog still asking, when the element starts showing
   * another user: the question was about the one before, whether or not the next is there yet.
   */
  forgetShownUser(): void {
    this.#errors.clear();
    this.#host.renderRoot.querySelector<JtConfirmDialog>(DIALOG_TAG)?.close();
    this.#host.requestUpdate();
  }

  /**
   * Runs the status flow for `user` towards `status`.
   *
   * @param opener The control that started it; focus returns there when the dialog closes.
   */
  async changeStatus(user: User, status: UserStatus, opener?: HTMLElement | null): Promise<ChangeOutcome> {
    const host = this.#host;
    if (status === 'inactive' && host.isSelf(user)) return 'refused';
    return this.#run({
      kind: 'status',
      to: status,
      user,
      opener,
      event: new JtUserStatusChangeEvent({ user, status }),
      prompt: (s) =>
        status === 'inactive'
          ? {
              heading: s.deactivateHeading(isolate(user.name)),
              message: s.deactivateMessage(isolate(user.name)),
              confirmLabel: s.deactivateConfirm,
              tone: 'danger',
            }
          : {
              heading: s.activateHeading(isolate(user.name)),
              message: s.activateMessage(isolate(user.name), s.role(user.role)),
              confirmLabel: s.activateConfirm,
              tone: 'default',
            },
      send: (store, onAppliedLate) => store.setStatus(user.id, status, onAppliedLate),
      done: (updated, lang) => {
        host.dispatchEvent(new JtUserStatusChangedEvent({ user: updated, previousStatus: user.status }));
        const t = stringsFor(lang);
        announce(
          updated.status === 'active'
            ? t.announceActivated(isolate(updated.name))
            : t.announceDeactivated(isolate(updated.name)),
          lang,
        );
      },
    });
  }

  /** Runs the role flow for `user` towards `role`, exactly like {@link UserChangeController.changeStatus}. */
  async changeRole(user: User, role: UserRole, opener?: HTMLElement | null): Promise<ChangeOutcome> {
    const host = this.#host;
    // Only an Admin gets here: an Admin who picks another role for themself loses this screen.
    const demotesSelf = role !== 'admin' && host.isSelf(user);
    return this.#run({
      kind: 'role',
      to: role,
      user,
      opener,
      event: new JtUserRoleChangeEvent({ user, role }),
      prompt: (s) => ({
        heading: s.roleHeading(isolate(user.name)),
        message: demotesSelf
          ? s.roleMessageSelf(s.role(role))
          : s.roleMessage(isolate(user.name), s.role(user.role), s.role(role)),
        confirmLabel: s.roleConfirm,
        tone: demotesSelf ? 'danger' : 'default',
      }),
      send: (store, onAppliedLate) => store.setRole(user.id, role, onAppliedLate),
      done: (updated, lang) => {
        host.dispatchEvent(new JtUserRoleChangedEvent({ user: updated, previousRole: user.role }));
        const t = stringsFor(lang);
        announce(t.announceRoleChanged(isolate(updated.name), t.role(updated.role)), lang);
      },
    });
  }

  /** The dialog the flows open. Render it wherever a control that starts a flow is rendered. */
  renderDialog(): TemplateResult {
    const p = this.#prompt(this.#host.strings);
    return html`<jt-confirm-dialog
      exportparts="dialog, heading: dialog-heading, description: dialog-description, actions: dialog-actions, cancel-button, confirm-button"
      .heading=${p.heading}
      .message=${p.message}
      .confirmLabel=${p.confirmLabel}
      .cancelLabel=${this.#host.strings.cancel}
      .tone=${p.tone}
    ></jt-confirm-dialog>`;
  }

  async #run(flow: {
    kind: UserMutation;
    /** The value the change asks for. */
    to: string;
    user: User;
    opener: HTMLElement | null | undefined;
    event: Event;
    prompt: (strings: Strings) => Prompt;
    send: (store: NonNullable<JtElement['store']>, onAppliedLate: (user: User) => void) => Promise<User>;
    /** Tells the host and the person, in `lang`. */
    done: (updated: User, lang: string) => void;
  }): Promise<ChangeOutcome> {
    const host = this.#host;
    const store = host.store;
    const key = `${flow.kind}:${flow.user.id}`;
    if (!store || this.#prompting || store.isPending(flow.user.id, flow.kind)) return 'busy';

    host.dispatchEvent(flow.event);
    if (flow.event.defaultPrevented) return 'prevented';

    this.#prompting = key;
    let confirmed: boolean;
    try {
      this.#prompt = flow.prompt;
      host.requestUpdate();
      await host.updateComplete;
      // The host showed another user meanwhile: the question is gone with the one it was about.
      if (!host.shows(flow.user.id)) return 'cancelled';
      // The dialog `renderDialog()` put in the host's template, as rendered just now.
      const dialog = host.renderRoot.querySelector<JtConfirmDialog>(DIALOG_TAG);
      if (!dialog) throw new Error('UserChangeController: renderDialog() is not rendered.');
      const opener = flow.opener;
      confirmed = await dialog.show(opener ?? null);
      // The dialog gave the focus back to the opener, which a reload while it was open may
      // have taken away or given to another user's row. (A reload still on its way when the
      // dialog closed is JtElement.update's.)
      if (opener) refocus(host.renderRoot, opener, flow.user.id);
    } finally {
      this.#prompting = undefined;
    }
    const appliedMeanwhile = this.#appliedMeanwhile;
    this.#appliedMeanwhile = undefined;
    // Confirmed, it is sent again, and the answer says it; cancelled, it is said now.
    if (!confirmed) {
      appliedMeanwhile?.();
      return 'cancelled';
    }

    this.#errors.delete(key);
    host.requestUpdate();
    // The language now: an element removed meanwhile has no ancestor left to take it from.
    const locale = host.locale;
    const lang = () => (host.isConnected ? host.locale : locale);
    try {
      const updated = await flow.send(store, (user) => {
        // A later read found the change applied after all: the failure shown no longer holds
        // (errorFor sees the value asked for).
        host.requestUpdate();
        const confirm = () => flow.done(user, lang());
        // Unless the person is being asked for it again right now: see the dialog's end above.
        if (this.#prompting === key) this.#appliedMeanwhile = confirm;
        else confirm();
      });
      flow.done(updated, lang());
      return 'changed';
    } catch (error) {
      const message = host.reportError(error, flow.kind);
      if (message !== undefined) {
        // The element no longer shows the user (it shows another, or a reload took their row
        // away): the failure is said aloud below, and is no news should they be shown again.
        const away = !host.shows(flow.user.id);
        if (!away) this.#errors.set(key, { error, to: flow.to, at: ++this.#failures, id: flow.user.id });
        // Or the element left the page, or another change's dialog makes it inert: the rollback
        // would pass unexplained, so say it aloud (after that dialog), as a success is.
        if (away || !host.isConnected || isModalOpen()) {
          const s = stringsFor(locale);
          announce(
            `${s.announceNotChanged(isolate(flow.user.name))} ${errorMessage(error, s, locale)}`,
            locale,
          );
        }
      }
      host.requestUpdate();
      return 'failed';
    }
  }
}
