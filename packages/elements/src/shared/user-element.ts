/**
 * The base of the elements that show and change one user: which user, how it is loaded, and
 * what shows until it is there.
 *
 * @module
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isUsersApiError, type User } from '@jt-users/sdk';
import { JtElement } from './jt-element.js';
import { UserChangeController } from './user-change-controller.js';

/**
 * Base of the elements that show one user, given as a `user` object (nothing is loaded) or a
 * `user-id` (loaded through the shared store, and only for an Admin). Subclasses:
 * - render with {@link JtUserElement.renderWithUser}, which covers the access gate and every
 *   state before the user is there;
 * - run changes through {@link JtUserElement.changes}, whose messages are forgotten when another
 *   user is shown;
 * - reset their own per-user state in {@link JtUserElement.shownUserChanged}.
 *
 * @csspart not-found - The notice for a user that does not exist (with `notice`).
 */
export abstract class JtUserElement extends JtElement {
  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id' },
    user: { attribute: false },
  };

  /** The id of the user to load and show. Ignored when `user` is set. */
  declare userId?: string;

  /**
   * The user, when the host has it already: nothing is loaded (`null`, as a framework may pass
   * for a user it does not have, is none: `user-id` loads it). Put into the shared cache, unless
   * it equals the copy of that user this element was given last: a host passing its copy again
   * after a change made here (also after showing other users in between) does not take the
   * screen back. A value that is not a user of the contract is not shown: the element says so
   * and fires `jt-error` (`invalid_argument`, operation `load`) naming the wrong field.
   */
  declare user?: User | null;

  /** `user` as checked when it was set: the contract's properties only, or `undefined` if unusable. */
  #givenUser?: User;

  /** The status and role change flows of the shown user. */
  protected readonly changes: UserChangeController = new UserChangeController(this);

  /** The id the last update showed, to notice when another user is shown. */
  #shownId?: string;

  /** Loads the user by id into the store; its value is the user, or nothing. */
  readonly #loadTask = new Task(this, {
    task: async ([store, id, given, access], { signal }) => {
      // Nothing to load without a client, with a host-given user, or for a non-Admin.
      if (!store || !id || given || access !== 'admin') return initialState;
      return this.awaitRequest(store.load(id, signal), 'load', initialState);
    },
    args: () => [this.store, this.userId, this.user != null, this.access] as const,
  });

  /** The id of the user shown: from `user`, else `user-id` (`user-id=""` names no user). */
  protected get shownUserId(): string | undefined {
    // A given user that is unusable names nobody: its id may be anything.
    return this.user != null ? this.#givenUser?.id : this.userId || undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('user')) this.#givenUser = this.checkGivenUser(this.user, 'user', 'load');
    this.cacheGiven(this.#givenUser, changed.has('user'), 'user', true);
    const id = this.shownUserId;
    if (id !== this.#shownId) {
      // A message, or a question still open, belongs to the user it was about; another user
      // starts clean.
      if (this.#shownId !== undefined) this.changes.forgetShownUser();
      this.#shownId = id;
      this.shownUserChanged();
    }
  }

  /**
   * Called during the update in which the shown user id changes (at first, and to none too):
   * forget state that belonged to the previous user. Messages and an open dialog of
   * {@link JtUserElement.changes} are already cleared then.
   */
  protected shownUserChanged(): void {}

  shows(userId: string): boolean {
    return this.shownUserId === userId;
  }

  protected override storeChanged(ids: ReadonlySet<string>): void {
    const id = this.shownUserId;
    if (id !== undefined && ids.has(id)) this.requestUpdate();
  }

  /**
   * Renders `show(user)` once the user is there, and before that what stands in its way: the
   * access gate, no user named, a user that does not exist, a failed load (with Retry), loading.
   */
  protected renderWithUser(show: (user: User) => TemplateResult): TemplateResult | typeof nothing {
    const gate = this.renderAccessGate();
    if (gate !== nothing) return gate;
    const s = this.strings;
    const id = this.shownUserId;
    if (this.user != null && !this.#givenUser)
      return html`<p part="notice error" role="alert">${s.userInvalid}</p>`;
    // No user to show: say so rather than render an empty box.
    if (id === undefined) return html`<p part="notice">${s.profileNoUser}</p>`;
    // Read from the shared cache on every render: changes made elsewhere show here at once.
    const user = this.store?.get(id) ?? this.#givenUser;
    if (this.#loadTask.status === TaskStatus.ERROR) {
      const error = this.#loadTask.error;
      // A user the page already has stays usable through a failed reload; one the server says
      // does not exist is not shown, whatever the cache holds.
      if (!user || isMissingUser(error)) return this.#renderLoadError(error);
    }
    if (user) return show(user);
    return html`<p part="notice loading" aria-busy="true">${s.loading}</p>`;
  }

  #renderLoadError(error: unknown): TemplateResult {
    const s = this.strings;
    if (isMissingUser(error)) {
      return html`<p part="notice not-found" role="alert">${s.profileNotFound}</p>`;
    }
    return html`<div part="notice error">
      <p part="message" role="alert">${s.userLoadError} ${this.messageFor(error)}</p>
      <button class="button" part="retry-button" type="button" @click=${() => void this.#loadTask.run()}>
        ${s.retry}
      </button>
    </div>`;
  }
}

/** The load failed because no such user exists: a 404, or a malformed id (nothing was sent). */
function isMissingUser(error: unknown): boolean {
  return isUsersApiError(error) && (error.code === 'not_found' || error.code === 'invalid_argument');
}
