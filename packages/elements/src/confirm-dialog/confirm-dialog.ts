import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { JtCancelEvent, JtConfirmEvent } from '../shared/events.js';
import { afterStringsLoad, resolveLang, stringsFor } from '../shared/i18n/localize.js';
import { setModalOpen } from '../shared/live-region.js';
import { buttonStyles, themeStyles } from '../shared/theme.js';
import { confirmDialogStyles } from './confirm-dialog.styles.js';

/** The look of the confirm button: `danger` for changes that take something away. */
export type ConfirmTone = 'default' | 'danger';

/**
 * A modal confirm dialog on the native `<dialog>` (opened with `showModal()`, so the page behind
 * it is inert and focus stays inside). `show()` resolves `true` when the person confirms and
 * `false` for Cancel or Escape. Focus starts on the safe choice (Cancel) when `tone="danger"`,
 * on the confirm button otherwise, and returns to the element that opened it.
 *
 * @tag jt-confirm-dialog
 * @summary Modal confirm dialog that names a change and its consequence.
 *
 * @example
 * ```html
 * <jt-confirm-dialog heading="Deactivate Jane Doe?" message="Jane Doe will no longer be able to log in."
 *   confirm-label="Deactivate" tone="danger"></jt-confirm-dialog>
 * <script type="module">
 *   const ok = await document.querySelector('jt-confirm-dialog').show(button);
 * </script>
 * ```
 *
 * @fires {JtConfirmEvent} jt-confirm - The person confirmed. Bubbles, not composed.
 * @fires {JtCancelEvent} jt-cancel - The dialog closed without confirming (Cancel or Escape). Bubbles, not composed.
 *
 * @slot - Extra content between the message and the buttons.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart form - The form holding content and buttons.
 * @csspart heading - The heading.
 * @csspart description - The message paragraph.
 * @csspart actions - The row of buttons.
 * @csspart cancel-button - The Cancel button.
 * @csspart confirm-button - The confirm button.
 *
 * @cssprop --jt-color-background - Dialog background.
 * @cssprop --jt-color-text - Text colour.
 * @cssprop --jt-color-border - Border colour.
 * @cssprop --jt-color-accent - Confirm button of the default tone.
 * @cssprop --jt-color-danger - Confirm button of the danger tone.
 * @cssprop --jt-color-backdrop - The backdrop behind the dialog.
 * @cssprop --jt-color-on-accent - Text of the confirm button of the default tone.
 * @cssprop --jt-color-on-danger - Text of the confirm button of the danger tone.
 * @cssprop --jt-color-focus - Focus ring.
 * @cssprop --jt-color-scheme - `light` or `dark` on an ancestor forces a scheme.
 * @cssprop --jt-font-family - Font.
 * @cssprop --jt-font-size - Base font size.
 * @cssprop --jt-font-size-large - The heading.
 * @cssprop --jt-line-height - Line height.
 * @cssprop --jt-radius - Corner radius of the buttons.
 * @cssprop --jt-radius-large - Corner radius of the dialog.
 * @cssprop --jt-space-2 - Space between the heading and the message, and between the buttons.
 * @cssprop --jt-space-4 - Space between the message and the buttons.
 * @cssprop --jt-space-6 - Padding of the dialog.
 */
export class JtConfirmDialog extends LitElement {
  static override styles = [themeStyles, buttonStyles, confirmDialogStyles];

  /**
   * The reactive properties, declared as data rather than with decorators (which would put their
   * helpers into every bundle); each one is documented at its field.
   */
  static override properties: PropertyDeclarations = {
    heading: {},
    message: {},
    confirmLabel: { attribute: 'confirm-label' },
    cancelLabel: { attribute: 'cancel-label' },
    tone: { reflect: true },
    theme: { reflect: true },
  };

  /** The question, e.g. "Deactivate Jane Doe?". */
  heading = '';

  /** The consequence, e.g. "Jane Doe will no longer be able to log in.". */
  message = '';

  /** Text of the confirm button; defaults to "Confirm" in the element's language. */
  declare confirmLabel?: string;

  /** Text of the cancel button; defaults to "Cancel" in the element's language. */
  declare cancelLabel?: string;

  /** `danger` styles the confirm button as destructive and puts the initial focus on Cancel. */
  tone: ConfirmTone = 'default';

  /** Forces the light or dark scheme; by default the dialog follows `prefers-color-scheme`. */
  declare theme?: 'light' | 'dark';

  #answer?: Promise<boolean>;
  #settle?: (confirmed: boolean) => void;
  /** Whether the pending question is on screen: a `close` event answers only a question shown. */
  #shown = false;
  #opener: HTMLElement | null = null;

  /** The rendered `<dialog>`; none before the first render. */
  get #dialog(): HTMLDialogElement | null | undefined {
    // `renderRoot` only exists once the element was connected.
    return this.renderRoot?.querySelector('dialog');
  }

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.#answer !== undefined;
  }

  /**
   * Opens the dialog modally. Resolves `true` when confirmed, `false` on Cancel or Escape (and
   * at once when the element is not on the page). Calling it again while open returns the same
   * promise.
   *
   * @param opener Where focus goes back to afterwards; defaults to the element focused now.
   */
  async show(opener: HTMLElement | null = deepActiveElement()): Promise<boolean> {
    // Off the page, nobody can answer (and a modal cannot open): as if cancelled.
    if (!this.isConnected) return false;
    if (this.#answer) return this.#answer;
    this.#opener = opener;
    const answer = new Promise<boolean>((resolve) => (this.#settle = resolve));
    this.#answer = answer;
    await this.updateComplete;
    // Answered while it rendered (`close()`, or removed from the page): nothing left to ask.
    if (this.#answer !== answer) return answer;
    const dialog = this.#dialog!;
    dialog.returnValue = '';
    dialog.showModal();
    this.#shown = true;
    setModalOpen(true);
    const firstFocus = this.tone === 'danger' ? 'cancel-button' : 'confirm-button';
    dialog.querySelector<HTMLButtonElement>(`[part~="${firstFocus}"]`)?.focus();
    return answer;
  }

  /**
   * Closes the dialog as if the person chose: `true` confirms, `false` cancels. Also answers a
   * `show()` still rendering, which then does not open.
   */
  close(confirmed = false): void {
    // Settled now, not on the `close` event a task later, as a button's answer is.
    this.#finish(confirmed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A dialog removed while open can never be answered: settle it as cancelled.
    this.#finish(false);
  }

  /** Holds an update while the strings of the dialog's language load, as the other elements do. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStringsLoad(resolveLang(this), () => super.scheduleUpdate());
  }

  protected override render(): TemplateResult {
    const strings = stringsFor(resolveLang(this));
    return html`
      <dialog part="dialog" aria-labelledby="heading" aria-describedby="description" @close=${this.#onClose}>
        <form method="dialog" part="form" @submit=${this.#onSubmit}>
          <h2 id="heading" part="heading">${this.heading}</h2>
          <p id="description" part="description">${this.message}</p>
          <slot></slot>
          <div part="actions">
            <button class="button" part="cancel-button" value="cancel">
              ${this.cancelLabel ?? strings.cancel}
            </button>
            <button
              class="button ${this.tone === 'danger' ? 'danger' : 'primary'}"
              part="confirm-button"
              value="confirm"
            >
              ${this.confirmLabel ?? strings.confirm}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  /**
   * A button's answer is settled as the form submits, in the same task as the click, rather than
   * on `close` (which the browser fires a task later, often after a frame): the change it
   * confirms then reaches the screen in the very frame that removes the dialog.
   */
  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#finish((event.submitter as HTMLButtonElement | null)?.value === 'confirm');
  };

  /** Escape, and anything else that closes the dialog without a button or `close()`. */
  #onClose = (): void => {
    // The `close` of an answer settled at once arrives a task later, maybe once the next question
    // is waiting to open or already open: that one is not answered by it.
    const dialog = this.#dialog;
    if (!this.#shown || dialog?.open) return;
    this.#finish(dialog?.returnValue === 'confirm');
  };

  /** Settles the pending question, if any: closes the dialog with the answer, gives focus back, tells. */
  #finish(confirmed: boolean): void {
    const settle = this.#settle;
    if (!settle) return;
    const opener = this.#opener;
    if (this.#shown) setModalOpen(false);
    this.#settle = undefined;
    this.#answer = undefined;
    this.#shown = false;
    this.#opener = null;
    this.#dialog?.close(confirmed ? 'confirm' : 'cancel');
    if (opener?.isConnected) opener.focus();
    const AnswerEvent = confirmed ? JtConfirmEvent : JtCancelEvent;
    this.dispatchEvent(new AnswerEvent({ opener }));
    settle(confirmed);
  }
}

/** The focused element, looking into open shadow roots (`document.activeElement` stops at hosts). */
function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'jt-confirm-dialog': JtConfirmDialog;
  }
}
