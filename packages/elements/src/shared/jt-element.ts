/**
 * The base class of every data element: configuration (`client` / `api-base`), the signed-in
 * user and the Admin check, the shared store, language and error reporting.
 *
 * @module
 */
import { Task, TaskStatus } from '@lit/task';
import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type ReactiveController,
  type TemplateResult,
} from 'lit';
import { resolveClient } from './client-config.js';
import { JtAccessDeniedEvent, JtErrorEvent, type JtOperation } from './events.js';
import { afterStringsLoad, onLocaleChange, resolveLang, stringsFor, type Strings } from './i18n/localize.js';
import { getOrCreate } from './get-or-create.js';
import { focusFallback, refocus, rowUserId } from './focus-fallback.js';
import { ensureLiveRegion } from './live-region.js';
import { errorMessage, isAbortError } from './messages.js';
import { UsersStore } from './users-store.js';
import { isUsersApiError, type User, type UsersClient } from '@jt-users/sdk';
import { checkUser } from '@jt-users/sdk/check';

/**
 * Where the Admin check stands:
 * - `unconfigured`: neither `client` nor `api-base` is set;
 * - `checking`: waiting for the signed-in user;
 * - `admin`: the signed-in user is an Admin: load and show users;
 * - `denied`: not an Admin, or the server answered 403: show the explanation only;
 * - `error`: the signed-in user could not be loaded.
 */
export type AccessState = 'unconfigured' | 'checking' | 'admin' | 'denied' | 'error';

/**
 * The Tasks of each element. A WeakMap rather than a private field: Lit may add controllers
 * before this class's own fields exist.
 */
const tasksOf = new WeakMap<JtElement, Set<Task<readonly unknown[], unknown>>>();

/**
 * Base of the elements that show users. Subclasses:
 * - read users with `this.store?.get(id)` in `render()` (the base re-renders on store changes;
 *   override {@link JtElement.storeChanged} to re-render only for the ids shown);
 * - start their own requests only when `this.access === 'admin'` (a Task whose args include it);
 * - begin `render()` with `this.renderAccessGate()`, which covers every non-admin state;
 * - report failures with {@link JtElement.reportError}, which ignores aborts, fires `jt-error`
 *   once and turns a 403 into the denied state.
 *
 * The parts and custom properties below are every element's: its subclasses list their own.
 *
 * @csspart notice - A notice in place of the content: loading, access, errors, configuration.
 * @csspart loading - The notice while loading (with `notice`).
 * @csspart error - The notice of a failed load (with `notice`).
 * @csspart access-denied - The notice for anyone who is not an Admin (with `notice`).
 * @csspart retry-button - Retry after a failed load.
 * @csspart dialog - The confirm dialog of a change (its `dialog` part).
 * @csspart dialog-heading - The confirm dialog's heading.
 * @csspart dialog-description - The confirm dialog's message.
 * @csspart dialog-actions - The confirm dialog's row of buttons.
 * @csspart cancel-button - The confirm dialog's Cancel button.
 * @csspart confirm-button - The confirm dialog's confirm button.
 *
 * @cssprop --jt-color-background - Background of controls and dialogs.
 * @cssprop --jt-color-surface - Background of headers, sections and notices.
 * @cssprop --jt-color-text - Text.
 * @cssprop --jt-color-text-muted - Secondary text: labels, hints and explanations.
 * @cssprop --jt-color-border - Lines and the borders of controls.
 * @cssprop --jt-color-accent - Links and primary buttons.
 * @cssprop --jt-color-on-accent - Text on primary buttons.
 * @cssprop --jt-color-danger - Destructive buttons and error messages.
 * @cssprop --jt-color-on-danger - Text on destructive buttons.
 * @cssprop --jt-color-success - Text of the "Active" badge.
 * @cssprop --jt-color-success-surface - Background of the "Active" badge.
 * @cssprop --jt-color-neutral-surface - Background of the "Inactive" badge.
 * @cssprop --jt-color-focus - Focus ring.
 * @cssprop --jt-color-backdrop - What the confirm dialog's backdrop lays over the page.
 * @cssprop --jt-color-scheme - `light` or `dark` on an ancestor forces a scheme.
 * @cssprop --jt-font-family - Font.
 * @cssprop --jt-font-size - Base font size.
 * @cssprop --jt-font-size-small - Small text: column headers, badges, hints.
 * @cssprop --jt-font-size-large - Headings of dialogs and of the profile's sections.
 * @cssprop --jt-line-height - Line height.
 * @cssprop --jt-radius - Corner radius of fields, buttons and notices (badges are always round-ended).
 * @cssprop --jt-radius-large - Corner radius of dialogs and of the profile's sections.
 * @cssprop --jt-space-1 - The smallest spacing step.
 * @cssprop --jt-space-2 - The second spacing step.
 * @cssprop --jt-space-3 - The third spacing step.
 * @cssprop --jt-space-4 - The fourth spacing step.
 * @cssprop --jt-space-6 - The largest spacing step, e.g. a dialog's padding.
 */
export abstract class JtElement extends LitElement {
  /**
   * The reactive properties, declared as data rather than with decorators (which would put their
   * helpers into every bundle); each one is documented at its field. Subclasses add their own.
   */
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    apiBase: { attribute: 'api-base' },
    currentUser: { attribute: false },
    theme: { reflect: true },
    langAttribute: { attribute: 'lang' },
  };

  /** The SDK client. Elements with the same client share one cache of users. Wins over `api-base`. */
  declare client?: UsersClient;

  /** Base URL of the user API for cookie sessions, e.g. `/api`. Used when `client` is not set. */
  declare apiBase?: string;

  /**
   * The signed-in user, if the host knows it: saves the `getCurrentUser` request. Another copy the
   * host passes later (the role changed) goes into the shared cache and counts at once; the first
   * does not replace a cached one. One that is not a user of the contract is not taken: the
   * element fires `jt-error` (`invalid_argument`, operation `current-user`) naming the wrong field,
   * and asks the server instead.
   */
  declare currentUser?: User;

  /** `currentUser` as checked when it was set: `undefined` when not given or unusable. */
  #givenViewer?: User;

  /** By property and user id, the host's copy last given (of `user` or `currentUser`), as JSON. */
  readonly #given = new Map<string, string>();

  /** By property, the mistake last found in the user the host gave there, until a usable one. */
  readonly #refusals = new Map<string, string>();

  /** Failures found during this update, reported once it is done. */
  #toReport: [error: unknown, operation: JtOperation][] = [];

  /** Forces the light or dark scheme; by default the element follows `prefers-color-scheme`. */
  declare theme?: 'light' | 'dark';

  /**
   * Mirrors the element's own `lang` attribute so a change re-renders. (The native `lang`
   * property stays untouched; ancestors' `lang` changes arrive through `onLocaleChange`.)
   */
  declare protected langAttribute?: string;

  /** Set when a 403 arrived: the signed-in user turned out not to be an Admin after all. */
  #forbidden?: boolean;
  #accessDeniedFired?: boolean;
  #unsubscribeStore?: () => void;
  #subscribedStore?: UsersStore;
  /** The store the last update used: `client` wins over `api-base`, so not every change swaps it. */
  #updateStore?: UsersStore;
  #unsubscribeLocale?: () => void;
  /** Tasks aborted because the element left the page, to run again if it comes back. */
  #interrupted = new Set<Task<readonly unknown[], unknown>>();

  /**
   * Resolves the signed-in user: the `currentUser` property, else one shared request per client.
   * It runs again for another client or another person, not for a new object of the same person
   * (a host's re-render, the store's newer copy): that would hide the content while it checks.
   */
  protected readonly viewerTask = new Task(this, {
    task: async ([store], { signal }) => {
      if (this.#givenViewer) return this.#givenViewer;
      if (!store) return undefined;
      return this.awaitRequest(store.currentUser(signal), 'current-user', undefined);
    },
    args: () => [this.store, this.#givenViewer?.id] as const,
  });

  /** The store of this element's client; `undefined` until `client` or `api-base` is set. */
  get store(): UsersStore | undefined {
    const client = resolveClient(this.client, this.apiBase);
    return client ? UsersStore.for(client) : undefined;
  }

  /**
   * The signed-in user once known, as the store last had it: a role the Admin changed of
   * themself counts in every element of the client once the server confirmed it. Until then
   * they keep the access they had, so a refused change takes nothing away, not even for a moment.
   */
  get viewer(): User | undefined {
    const viewer = this.viewerTask.value;
    const store = this.store;
    return viewer && (store?.isPending(viewer.id, 'role') ? viewer : (store?.get(viewer.id) ?? viewer));
  }

  /** Where the Admin check stands; see {@link AccessState}. */
  get access(): AccessState {
    if (!this.store) return 'unconfigured';
    if (this.#forbidden) return 'denied';
    if (this.viewerTask.status === TaskStatus.ERROR) return 'error';
    const viewer = this.viewer;
    if (this.viewerTask.status !== TaskStatus.COMPLETE || !viewer) return 'checking';
    return viewer.role === 'admin' ? 'admin' : 'denied';
  }

  /** Whether `user` is the signed-in user (self-protection: no self-deactivation). */
  isSelf(user: Pick<User, 'id'>): boolean {
    return this.viewer?.id === user.id;
  }

  /**
   * Whether that user is on screen now, where a failed change of theirs is explained next to its
   * control; a failure of a user not shown is said aloud instead.
   */
  abstract shows(userId: string): boolean;

  /** The language the element renders in: its own or the closest ancestor's `lang`, else `en`. */
  get locale(): string {
    return this.#updateLocale ?? resolveLang(this);
  }

  /**
   * The language, looked up once per update: rendering asks for it for every row, and each
   * lookup walks up the tree through every shadow root.
   */
  #updateLocale?: string;

  /**
   * The focused control went with an update (a notice replaced a failed view, or the view
   * replaced a notice's Retry) and nothing has taken the focus since.
   */
  #focusLost?: boolean;

  protected override update(changed: PropertyValues): void {
    this.#updateLocale = resolveLang(this);
    const focused = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    // Table rows are filled in place: after this update the focused control's row may show
    // another user. The focus stays with the user, in their row wherever it is now.
    const userId = rowUserId(focused);
    try {
      super.update(changed);
    } finally {
      this.#updateLocale = undefined;
    }
    if (focused && !refocus(this.renderRoot, focused, userId)) this.#focusLost = true;
    // Without a target yet (loading), wait for one, unless the person focused something else.
    if (!this.#focusLost) return;
    const active = document.activeElement;
    if ((active && active !== document.body) || focusFallback(this.renderRoot)) this.#focusLost = false;
  }

  /** The strings of {@link JtElement.locale}, including the host's overrides. */
  get strings(): Strings {
    return stringsFor(this.locale);
  }

  /** The localized message for an error, for showing next to the control that failed. */
  messageFor(error: unknown): string {
    return errorMessage(error, this.strings, this.locale);
  }

  /** The element whose shadow root held this one when last connected (a profile's switch). */
  #outer?: Element;

  /**
   * An element that one of ours took off the page (a profile moving on to the next user while
   * its switch's change is on its way) tells the end of its flows through that element, where
   * the page listens. Others dispatch on themselves.
   */
  override dispatchEvent(event: Event): boolean {
    const outer = this.#outer;
    return !this.isConnected && outer instanceof JtElement && outer.isConnected
      ? outer.dispatchEvent(event)
      : super.dispatchEvent(event);
  }

  /** Also keeps track of the element's Tasks (each one adds itself here), see `disconnectedCallback`. */
  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof Task) {
      getOrCreate(tasksOf, this, () => new Set()).add(controller as Task<readonly unknown[], unknown>);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#outer = (this.getRootNode() as ShadowRoot).host;
    ensureLiveRegion();
    this.#unsubscribeLocale = onLocaleChange(() => this.requestUpdate(), this);
    this.#syncStoreSubscription();
    // Back on the page (moved, or kept aside by a framework): users may have changed meanwhile,
    // unheard, since the store is not listened to off the page.
    if (this.hasUpdated) this.requestUpdate();
    // Finish what was interrupted.
    const interrupted = [...this.#interrupted];
    this.#interrupted.clear();
    for (const task of interrupted) void task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed element must not keep requests (or a retry's wait) running, nor report their
    // failures later: abort its running Tasks. The abort itself is never reported.
    for (const task of tasksOf.get(this) ?? []) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.#interrupted.add(task);
      task.abort();
    }
    this.#unsubscribeLocale?.();
    this.#unsubscribeLocale = undefined;
    this.#unsubscribeStore?.();
    this.#unsubscribeStore = undefined;
    this.#subscribedStore = undefined;
  }

  /**
   * Holds an update while the strings of the element's language are still loading (German loads
   * on first use), so the element never shows a moment of English and `updateComplete` resolves
   * in the right language.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStringsLoad(this.locale, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('currentUser'))
      this.#givenViewer = this.checkGivenUser(this.currentUser, 'currentUser', 'current-user');
    // The first copy does not replace a cached one: a host often keeps the one of sign-in, older
    // than a role change made here since.
    this.cacheGiven(this.#givenViewer, changed.has('currentUser'), 'currentUser', false);
    const store = this.store;
    if (store !== this.#updateStore) {
      // Another client: what the last one's server said about access counts no more.
      this.#updateStore = store;
      this.#forbidden = false;
      this.#accessDeniedFired = false;
      this.#syncStoreSubscription();
      this.storeSwapped();
    }
  }

  /**
   * Called during the update in which the element starts using another store (another client, or
   * `api-base` without one): forget state that belonged to the last client.
   */
  protected storeSwapped(): void {}

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const [error, operation] of this.#toReport.splice(0)) this.reportError(error, operation);
    const access = this.access;
    if (access === 'denied') this.#fireAccessDenied();
    // Made an Admin again: a later loss of access is news again.
    else if (access === 'admin') this.#accessDeniedFired = false;
  }

  /**
   * Called synchronously when users in the store change. Re-renders by default; override to
   * re-render only when `ids` holds a user this element shows.
   */
  protected storeChanged(_ids: ReadonlySet<string>): void {
    this.requestUpdate();
  }

  /**
   * Awaits a task's request. Aborted because the element left the page, it settles as `aborted`:
   * nothing failed, nothing to show. Any other failure is reported (see {@link reportError}) and
   * rethrown, for the task's error state.
   */
  protected async awaitRequest<T, A>(
    pending: Promise<T>,
    operation: JtOperation,
    aborted: A,
  ): Promise<T | A> {
    try {
      return await pending;
    } catch (error) {
      if (isAbortError(error)) return aborted;
      this.reportError(error, operation);
      throw error;
    }
  }

  /**
   * Puts a user the host gave into the shared cache when given (`changed`), and when a client
   * comes after the user: changes then show at once, and in every element of that client. Not
   * while a change of that user waits for the server: the host's copy predates it, and would take
   * the screen back until the answer. Nor when the host passes the copy it gave last again (a
   * re-render, after a change it did not follow; also after other users in between): the cache
   * has the server's newer user. `firstReplaces`: whether the first copy given replaces a cached
   * one.
   */
  protected cacheGiven(
    user: User | undefined,
    changed: boolean,
    property: string,
    firstReplaces: boolean,
  ): void {
    const store = this.store;
    if (!user || !store || store.isPending(user.id) || !(changed || !store.get(user.id))) return;
    const key = `${property} ${user.id}`;
    const given = JSON.stringify(user);
    const last = this.#given.get(key);
    this.#given.set(key, given);
    if (!store.get(user.id) || (given !== last && (firstReplaces || last !== undefined))) store.put(user);
  }

  /**
   * A user the host gave as `name` (`null` and `undefined` are none), as the contract's copy of
   * it, or `undefined` when it is not one. That is reported with `jt-error` naming the wrong field
   * once the update is done (a listener may then set a better value, or remove the element), and
   * not again for the same mistake until a usable value comes: a framework passes a new object
   * on every render, and a host that renders on `jt-error` would otherwise never stop.
   */
  protected checkGivenUser(value: unknown, name: string, operation: JtOperation): User | undefined {
    try {
      const user = value == null ? undefined : checkUser(value, name);
      this.#refusals.delete(name);
      return user;
    } catch (error) {
      const mistake = String(error);
      if (this.#refusals.get(name) !== mistake) this.#toReport.push([error, operation]);
      this.#refusals.set(name, mistake);
    }
  }

  /**
   * Reports a failed request: aborts are ignored (returns `undefined`); otherwise fires
   * `jt-error` once for this failure, treats a 403 as "not an Admin" (denied state and
   * `jt-access-denied`) and returns the localized message to show.
   */
  reportError(error: unknown, operation: JtOperation): string | undefined {
    if (isAbortError(error)) return undefined;
    if (isUsersApiError(error)) {
      this.dispatchEvent(new JtErrorEvent({ error, operation }));
      if (error.code === 'forbidden') this.#deny();
    }
    return this.messageFor(error);
  }

  /**
   * What to render instead of the element's content while the Admin check is not `admin`
   * (`nothing` when it is). Subclasses start `render()` with:
   * `const gate = this.renderAccessGate(); if (gate !== nothing) return gate;`
   */
  protected renderAccessGate(): TemplateResult | typeof nothing {
    const s = this.strings;
    switch (this.access) {
      case 'admin':
        return nothing;
      case 'unconfigured':
        return html`<p part="notice">${s.notConfigured}</p>`;
      case 'checking':
        return html`<p part="notice loading" aria-busy="true">${s.accessChecking}</p>`;
      case 'denied': {
        // A 403 answer to something the person just did is news: say it as an alert.
        if (this.#forbidden) return html`<p part="notice access-denied" role="alert">${s.errorForbidden}</p>`;
        const viewer = this.viewer;
        const text =
          viewer && viewer.role !== 'admin' ? s.accessDenied(s.role(viewer.role)) : s.accessDeniedUnknown;
        return html`<p part="notice access-denied">${text}</p>`;
      }
      case 'error':
        return html`<div part="notice error">
          <p role="alert">${s.accessError} ${this.messageFor(this.viewerTask.error)}</p>
          <button class="button" part="retry-button" type="button" @click=${() => void this.viewerTask.run()}>
            ${s.retry}
          </button>
        </div>`;
    }
  }

  /**
   * A 403: the person may not do this after all. An element held by another of ours (a profile's
   * switch) takes that element with it, so the page gets one notice and one `jt-access-denied`
   * for the whole. The signed-in user is asked for again, so that a role taken away elsewhere
   * reaches every element of the client (a failure of that read is handled in the store).
   */
  #deny(): void {
    this.#forbidden = true;
    this.requestUpdate();
    const outer = this.#outer;
    if (outer instanceof JtElement) outer.#deny();
    else void this.store?.currentUser(undefined, true);
  }

  #fireAccessDenied(): void {
    // One held by another of ours is denied with it, which tells the page (see #deny).
    if (this.#accessDeniedFired || this.#outer instanceof JtElement) return;
    this.#accessDeniedFired = true;
    this.dispatchEvent(new JtAccessDeniedEvent({ currentUser: this.viewer ?? null }));
  }

  #syncStoreSubscription(): void {
    const store = this.isConnected ? this.store : undefined;
    if (store === this.#subscribedStore) return;
    this.#unsubscribeStore?.();
    this.#subscribedStore = store;
    this.#unsubscribeStore = store?.subscribe((ids) => {
      // Another element's check of the signed-in user worked where this one's failed.
      if (this.viewerTask.status === TaskStatus.ERROR && store.knowsCurrentUser) void this.viewerTask.run();
      const viewerId = this.viewerTask.value?.id;
      // A change of the signed-in user may change what this element may show.
      if (viewerId !== undefined && ids.has(viewerId)) this.requestUpdate();
      else this.storeChanged(ids);
    });
  }
}
