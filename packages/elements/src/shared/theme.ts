/**
 * The design tokens of every element, in one place.
 *
 * Hosts theme with public custom properties (`--jt-color-accent: rebeccapurple`), set on the
 * element or any ancestor. Light and dark: the elements follow `prefers-color-scheme`; the
 * `theme="light" | "dark"` attribute on an element, or `--jt-color-scheme: light | dark` on
 * any ancestor (e.g. `html.dark { --jt-color-scheme: dark }`), forces one. Colours use
 * `light-dark()`, so one token list serves both schemes.
 *
 * @module
 */
import { css, unsafeCSS } from 'lit';

/** Declarations that hide content from sight but not from assistive technology. */
export const VISUALLY_HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0';

/**
 * Every element includes this first in its `static styles`. Public tokens (`--jt-*`) are read
 * with a fallback to the default, so a host's value always wins and nothing else is needed.
 * The private ones (`--_*`) are what the elements' styles read; the build shortens their names
 * (scripts/minify-lit-templates.ts), so write each name whole, never from an interpolation.
 * It also holds the looks the elements share, by part: notices, messages, secondary text and the
 * status badge.
 */
export const themeStyles = css`
  :host {
    color-scheme: var(--jt-color-scheme, light dark);

    --_bg: var(--jt-color-background, light-dark(#fff, #17181c));
    --_surface: var(--jt-color-surface, light-dark(#f5f6f8, #22242a));
    --_text: var(--jt-color-text, light-dark(#1b1d22, #eceef2));
    --_muted: var(--jt-color-text-muted, light-dark(#555b66, #a9afba));
    --_border: var(--jt-color-border, light-dark(#c9ced6, #444852));
    --_accent: var(--jt-color-accent, light-dark(#2453c7, #8fb0ff));
    --_on-accent: var(--jt-color-on-accent, light-dark(#fff, #0e1530));
    --_danger: var(--jt-color-danger, light-dark(#b3261e, #ffb4ab));
    --_on-danger: var(--jt-color-on-danger, light-dark(#fff, #3b0906));
    --_success: var(--jt-color-success, light-dark(#1d6b35, #86d79c));
    --_success-bg: var(--jt-color-success-surface, light-dark(#e3f4e8, #193322));
    --_neutral-bg: var(--jt-color-neutral-surface, light-dark(#eceef1, #2c2f36));
    --_focus: var(--jt-color-focus, light-dark(#2453c7, #8fb0ff));

    --_font: var(--jt-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--jt-font-size, 0.9375rem);
    --_font-size-small: var(--jt-font-size-small, 0.8125rem);
    --_font-size-large: var(--jt-font-size-large, 1.125rem);
    --_line-height: var(--jt-line-height, 1.5);

    --_radius: var(--jt-radius, 6px);
    --_radius-large: var(--jt-radius-large, 10px);
    --_space-1: var(--jt-space-1, 0.25rem);
    --_space-2: var(--jt-space-2, 0.5rem);
    --_space-3: var(--jt-space-3, 0.75rem);
    --_space-4: var(--jt-space-4, 1rem);
    --_space-6: var(--jt-space-6, 1.5rem);

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  :host([theme='light']) {
    --jt-color-scheme: light;
    color-scheme: light;
  }

  :host([theme='dark']) {
    --jt-color-scheme: dark;
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    ${unsafeCSS(VISUALLY_HIDDEN)}
  }

  [part~='message'] {
    margin: var(--_space-2) 0 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }

  [part~='notice'] {
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Secondary text, in every element: hints, "Saving…", counts, intros and explanations. */
  [part~='hint'],
  [part~='pending'],
  [part~='count'],
  [part~='page-range'],
  [part~='self-badge'],
  [part~='intro'],
  [part~='role-description'],
  [part~='status-description'] {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  /* A user's status as text (table and profile): the inactive look unless a part says active. */
  [part~='status-badge'] {
    display: inline-block;
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    background: var(--_neutral-bg);
    color: var(--_muted);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  [part~='status-badge'][part~='active'] {
    background: var(--_success-bg);
    color: var(--_success);
  }
`;

/**
 * Shared look of plain buttons (`class="button"`, also `primary` or `danger`), and of any control
 * that is unavailable; elements add their own parts on top.
 */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: 2.25rem;
    padding: 0 var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_on-danger);
  }
  /* Unavailable controls. The elements' own stay focusable (aria-disabled, not disabled), and
     each has a part: [part] outranks the cursor: pointer of the control's own rule. */
  .button:disabled,
  [part][aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
