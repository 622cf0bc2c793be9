import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { USER_ROLES, type User, type UserRole } from '@jt-users/sdk';
import type { Strings, UserField } from '../shared/i18n/en.js';
import { formatDate, formatDateTime } from '../shared/i18n/localize.js';
import { buttonStyles, themeStyles } from '../shared/theme.js';
import { JtUserElement } from '../shared/user-element.js';
import { JtUserStatusToggle } from '../user-status-toggle/user-status-toggle.js';
import { userProfileStyles } from './user-profile.styles.js';

const TOGGLE_TAG = 'jt-user-status-toggle';

/** The toggle's parts, re-exported under names that cannot clash with the profile's own. */
const TOGGLE_PARTS = [
  'switch',
  'track',
  'thumb',
  'label: switch-label',
  'pending: switch-pending',
  'hint: switch-hint',
  'message: switch-message',
  'dialog',
  'dialog-heading',
  'dialog-description',
  'dialog-actions',
  'cancel-button',
  'confirm-button',
].join(', ');

/**
 * The user information page: a **Profile** section (name, email, role, status, created, last
 * login, and when and by whom the status last changed), a **Roles and permissions** section where
 * an Admin changes the role (choose, then confirm), and an **Extra Settings** section holding the
 * `<jt-user-status-toggle>` that activates or deactivates the user.
 *
 * Give it a `user-id` (the user is loaded) or a `user` object (nothing is loaded), plus a `client`
 * or `api-base`. Only Admins see the page; anyone else gets a short explanation and no user is
 * requested. Elements given the same client show every change of the user in the same frame.
 *
 * @tag jt-user-profile
 * @summary User information page: profile, role and the activate / deactivate toggle.
 *
 * @slot header - Content above the sections in every state, e.g. a link back to the user list.
 *
 * @fires {JtUserRoleChangeEvent} jt-user-role-change - A role change was asked for, before the dialog. Cancelable: `preventDefault()` stops the built-in flow.
 * @fires {JtUserRoleChangedEvent} jt-user-role-changed - The server confirmed the new role.
 * @fires {JtUserStatusChangeEvent} jt-user-status-change - The Extra Settings switch was activated, before the dialog. Cancelable.
 * @fires {JtUserStatusChangedEvent} jt-user-status-changed - The server confirmed the new status.
 * @fires {JtAccessDeniedEvent} jt-access-denied - The signed-in user is not an Admin, or the server answered 403.
 * @fires {JtErrorEvent} jt-error - Checking the signed-in user, loading the user, or changing the role or the status failed (not for aborted requests), or a `user` or `currentUser` given is not a user.
 *
 * @csspart base - The wrapper of the sections.
 * @csspart section - Each section.
 * @csspart profile-section - The Profile section (with `section`).
 * @csspart roles-section - The Roles and permissions section (with `section`).
 * @csspart extra-settings-section - The Extra Settings section (with `section`).
 * @csspart section-heading - Each section's heading.
 * @csspart intro - The explaining sentence at the top of a section.
 * @csspart name - The user's name, the heading of the Profile section's content.
 * @csspart fields - The list of profile fields.
 * @csspart field - One field: a label and its value.
 * @csspart field-label - A field's label.
 * @csspart field-value - A field's value.
 * @csspart status-badge - The status as text ("Active" / "Inactive").
 * @csspart active - The status badge of an active user (with `status-badge`).
 * @csspart inactive - The status badge of an inactive user (with `status-badge`).
 * @csspart status-description - What the status means for the user.
 * @csspart role-form - The role select and its button.
 * @csspart role-label - The label of the role select.
 * @csspart role-select - The `<select>` of roles.
 * @csspart role-apply-button - The button that starts the role change.
 * @csspart role-description - What the chosen role can do.
 * @csspart pending - "Saving…", while a role change waits for the server.
 * @csspart message - The error message after a failed role change or load (`role="alert"`).
 * @csspart status-toggle - The `<jt-user-status-toggle>` in Extra Settings.
 * @csspart switch - The toggle's switch.
 * @csspart track - The switch's track.
 * @csspart thumb - The switch's thumb.
 * @csspart switch-label - The status text inside the switch.
 * @csspart switch-pending - "Saving…" next to the switch, while the server has not answered.
 * @csspart switch-hint - Why the switch is disabled (the signed-in Admin's own account).
 * @csspart switch-message - The error message after a failed status change.
 *
 * @cssprop --jt-color-surface - Section background.
 * @cssprop --jt-color-border - Section borders and the role select.
 * @cssprop --jt-color-text-muted - Field labels and explanations.
 * @cssprop --jt-color-success - Text of the "Active" badge.
 * @cssprop --jt-color-success-surface - Background of the "Active" badge.
 * @cssprop --jt-color-neutral-surface - The "Inactive" badge.
 * @cssprop --jt-color-accent - The role button.
 * @cssprop --jt-color-danger - Error messages.
 * @cssprop --jt-color-focus - Focus ring.
 * @cssprop --jt-radius-large - Corner radius of the sections.
 * @cssprop --jt-space-4 - Padding of the sections (with the other `--jt-space-*` steps).
 * @cssprop --jt-switch-width - Width of the status switch's track.
 * @cssprop --jt-switch-height - Height of the status switch's track.
 */
export class JtUserProfile extends JtUserElement {
  static override styles = [themeStyles, buttonStyles, userProfileStyles];

  static override properties: PropertyDeclarations = {
    chosenRole: { state: true },
  };

  /** The role chosen in the select and not applied yet; `undefined` shows the user's role. */
  declare private chosenRole?: UserRole;

  override connectedCallback(): void {
    super.connectedCallback();
    // The Extra Settings section needs the toggle even when the page only defined this tag.
    if (!customElements.get(TOGGLE_TAG)) customElements.define(TOGGLE_TAG, JtUserStatusToggle);
  }

  /** An unapplied choice belongs to the user it was about. */
  protected override shownUserChanged(): void {
    this.chosenRole = undefined;
  }

  protected override render() {
    return html`<slot name="header"></slot>${this.renderWithUser((user) => this.#renderUser(user))}`;
  }

  #renderUser(user: User): TemplateResult {
    return html`
      <div part="base">
        ${this.#renderProfile(user)} ${this.#renderRoles(user)} ${this.#renderExtraSettings(user)}
      </div>
      ${this.changes.renderDialog()}
    `;
  }

  #renderProfile(user: User): TemplateResult {
    const s = this.strings;
    const lang = this.locale;
    const changedAt = user.statusChangedAt;
    const changedBy = user.statusChangedBy;
    const statusChanged = changedAt
      ? html`<time datetime=${changedAt}
          >${changedBy ? s.statusChangedBy(formatDateTime(changedAt, lang), changedBy.name) : formatDateTime(changedAt, lang)}</time
        >`
      : s.never;
    return html`
      <section part="section profile-section" aria-labelledby="profile-heading">
        <h2 id="profile-heading" part="section-heading">${s.profileHeading}</h2>
        <h3 part="name">${user.name}</h3>
        <dl part="fields">
          ${field(s, 'email', user.email)} ${field(s, 'role', s.role(user.role))}
          ${field(
            s,
            'status',
            html`<span part="status-badge ${user.status}">${s.status(user.status)}</span>
              <span part="status-description">${s.statusDescription(user.status)}</span>`,
          )}
          ${field(s, 'createdAt', html`<time datetime=${user.createdAt}>${formatDate(user.createdAt, lang)}</time>`)}
          ${field(
            s,
            'lastLoginAt',
            user.lastLoginAt
              ? html`<time datetime=${user.lastLoginAt}>${formatDateTime(user.lastLoginAt, lang)}</time>`
              : s.never,
          )}
          ${field(s, 'statusChangedAt', statusChanged)}
        </dl>
      </section>
    `;
  }

  #renderRoles(user: User): TemplateResult {
    const s = this.strings;
    const chosen = this.chosenRole ?? user.role;
    const pending = this.changes.isPending(user.id, 'role');
    const error = this.changes.errorFor(user.id, 'role');
    const unavailable = pending || chosen === user.role;
    return html`
      <section part="section roles-section" aria-labelledby="roles-heading">
        <h2 id="roles-heading" part="section-heading">${s.rolesHeading}</h2>
        <p part="intro">${s.rolesIntro}</p>
        <form part="role-form" @submit=${(event: SubmitEvent) => void this.#onRoleSubmit(user, event)}>
          <label part="role-label" for="role-select">${s.field('role')}</label>
          <select
            id="role-select"
            part="role-select"
            aria-describedby="role-description"
            @change=${this.#onRoleChoice}
          >
            ${USER_ROLES.map((role) => html`<option value=${role} .selected=${role === chosen}>${s.role(role)}</option>`)}
          </select>
          <button
            class="button primary"
            part="role-apply-button"
            type="submit"
            aria-disabled=${unavailable}
            aria-busy=${pending}
            aria-describedby=${error ? 'role-message' : nothing}
          >
            ${s.roleConfirm}
          </button>
          ${pending ? html`<span part="pending">${s.saving}</span>` : nothing}
        </form>
        <p part="role-description" id="role-description">${s.roleDescription(chosen)}</p>
        ${error ? html`<p part="message" id="role-message" role="alert">${error}</p>` : nothing}
      </section>
    `;
  }

  #renderExtraSettings(user: User): TemplateResult {
    const s = this.strings;
    // The same client, viewer and user object: the toggle shares this element's cache and sends
    // no request of its own until the person uses it.
    return html`
      <section part="section extra-settings-section" aria-labelledby="extra-settings-heading">
        <h2 id="extra-settings-heading" part="section-heading">${s.extraSettingsHeading}</h2>
        <p part="intro">${s.extraSettingsIntro}</p>
        <jt-user-status-toggle
          part="status-toggle"
          exportparts=${TOGGLE_PARTS}
          .client=${this.client}
          .apiBase=${this.apiBase}
          .currentUser=${this.viewer}
          .user=${user}
        ></jt-user-status-toggle>
      </section>
    `;
  }

  #onRoleChoice = (event: Event): void => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    this.chosenRole = USER_ROLES.find((role) => role === value);
  };

  async #onRoleSubmit(user: User, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const button = event.submitter ?? (event.currentTarget as HTMLFormElement).querySelector('button');
    const target = this.chosenRole;
    if (!target || target === user.role || button?.getAttribute('aria-disabled') === 'true') return;
    const outcome = await this.changes.changeRole(user, target, button);
    // After an answer from the server the select shows the user's role again: the new one, or
    // the old one after a rollback. A cancelled choice stays, ready to be applied, and so does
    // one made while the server was answering.
    if (
      (outcome === 'changed' || outcome === 'failed') &&
      this.chosenRole === target &&
      this.shownUserId === user.id
    )
      this.chosenRole = undefined;
  }
}

/** One labelled field of the Profile section, `data-field` naming the user's field. */
function field(s: Strings, name: UserField, value: unknown): TemplateResult {
  return html`<div part="field" data-field=${name}>
    <dt part="field-label">${s.field(name)}</dt>
    <dd part="field-value">${value}</dd>
  </div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'jt-user-profile': JtUserProfile;
  }
}
