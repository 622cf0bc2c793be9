import { html, nothing, type TemplateResult } from 'lit';
import type { User } from '@jt-users/sdk';
import { buttonStyles, themeStyles } from '../shared/theme.js';
import { JtUserElement } from '../shared/user-element.js';
import { userStatusToggleStyles } from './user-status-toggle.styles.js';

/**
 * The Extra Settings switch that activates or deactivates one user, behind a confirm dialog.
 * Give it a `user` object (not loaded again) or a `user-id` (the user is loaded), plus a
 * `client` or `api-base`; the signed-in user is asked for unless `currentUser` is set. Only Admins see the switch; the signed-in Admin's own account shows
 * it disabled, with the reason.
 *
 * @tag jt-user-status-toggle
 * @summary Switch that activates or deactivates a user after confirmation.
 *
 * @fires {JtUserStatusChangeEvent} jt-user-status-change - The switch was activated, before the dialog. Cancelable: `preventDefault()` stops the built-in flow.
 * @fires {JtUserStatusChangedEvent} jt-user-status-changed - The server confirmed the new status.
 * @fires {JtAccessDeniedEvent} jt-access-denied - The signed-in user is not an Admin, or the server answered 403.
 * @fires {JtErrorEvent} jt-error - Checking the signed-in user, loading the user or changing the status failed (not for aborted requests), or a `user` or `currentUser` given is not a user.
 *
 * @csspart base - The wrapper of the switch and its texts.
 * @csspart switch - The `<button role="switch">`.
 * @csspart track - The switch's track.
 * @csspart thumb - The switch's thumb.
 * @csspart label - The visible status text inside the switch ("Active" / "Inactive").
 * @csspart pending - "Saving…", while the server has not answered.
 * @csspart hint - Why the switch is disabled (the signed-in Admin's own account).
 * @csspart message - The error message after a failed change or load (`role="alert"`).
 *
 * @cssprop --jt-color-success - The track when active.
 * @cssprop --jt-color-neutral-surface - The track when inactive.
 * @cssprop --jt-color-background - The thumb when active.
 * @cssprop --jt-color-text-muted - The border and thumb when inactive, and hints.
 * @cssprop --jt-color-danger - Error messages and the dialog's Deactivate button.
 * @cssprop --jt-color-focus - Focus ring.
 * @cssprop --jt-switch-width - Width of the track.
 * @cssprop --jt-switch-height - Height of the track.
 */
export class JtUserStatusToggle extends JtUserElement {
  static override styles = [themeStyles, buttonStyles, userStatusToggleStyles];

  protected override render(): TemplateResult | typeof nothing {
    return this.renderWithUser((user) => this.#renderSwitch(user));
  }

  #renderSwitch(user: User) {
    const s = this.strings;
    const active = user.status === 'active';
    const pending = this.changes.isPending(user.id, 'status');
    const self = active && this.isSelf(user);
    const error = this.changes.errorFor(user.id, 'status');
    const describedBy = [self && 'hint', error && 'message'].filter(Boolean).join(' ');
    return html`
      <div part="base">
        <button
          part="switch"
          type="button"
          role="switch"
          aria-checked=${active}
          aria-label=${s.switchName(user.name)}
          aria-disabled=${pending || self}
          aria-busy=${pending}
          aria-describedby=${describedBy || nothing}
          @click=${(event: Event) => this.#onClick(user, event)}
        >
          <span part="track"><span part="thumb"></span></span>
          <span part="label" aria-hidden="true">${s.status(user.status)}</span>
        </button>
        ${pending ? html`<span part="pending">${s.saving}</span>` : nothing}
        ${self ? html`<p part="hint" id="hint">${s.selfDeactivationHint}</p>` : nothing}
        ${error ? html`<p part="message" id="message" role="alert">${error}</p>` : nothing}
      </div>
      ${this.changes.renderDialog()}
    `;
  }

  #onClick(user: User, event: Event): void {
    const button = event.currentTarget as HTMLElement;
    if (button.getAttribute('aria-disabled') === 'true') return;
    void this.changes.changeStatus(user, user.status === 'active' ? 'inactive' : 'active', button);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jt-user-status-toggle': JtUserStatusToggle;
  }
}
