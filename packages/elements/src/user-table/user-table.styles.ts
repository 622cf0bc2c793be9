import { css } from 'lit';

/** The look of `<jt-user-table>`; colours, type and spacing come from `themeStyles`. */
export const userTableStyles = css`
  :host {
    display: block;
  }

  [part~='base'] {
    display: grid;
    gap: var(--_space-3);
  }

  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3) var(--_space-4);
  }

  .field {
    display: grid;
    gap: var(--_space-1);
  }

  .field label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  [part~='search'],
  [part~='filter'] {
    box-sizing: border-box;
    min-height: 2.25rem;
    padding: 0 var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }

  [part~='search'] {
    width: min(20rem, 100%);
  }

  .field:has([part~='search']) {
    flex: 1 1 14rem;
    max-width: 20rem;
  }

  [part~='count'] {
    margin-left: auto;
    align-self: center;
  }

  /* Narrow screens: the table keeps its columns and scrolls sideways inside a focusable,
     labelled region, so keyboard users can scroll it too. */
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='table'] {
    width: 100%;
    border-collapse: collapse;
    background: var(--_bg);
  }

  /* The rows of the last answer while the next one is on its way; not rows held back a frame. */
  .stale {
    opacity: 0.6;
  }

  [part~='header'],
  [part~='cell'] {
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
    white-space: nowrap;
  }

  [part~='header'] {
    background: var(--_surface);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  /* A row header in the weight of data, 18% wide: see the column widths below. */
  [part~='name-cell'] {
    font-weight: normal;
    width: 18%;
  }

  /* Names and emails are data, and data can be a 4 000-character word: past a readable width
     they wrap anywhere instead of stretching the table (and the action button) out of sight. */
  [part~='name-cell'],
  [part~='email-cell'] {
    min-width: 8rem;
    max-width: 20rem;
    white-space: normal;
    overflow-wrap: anywhere;
  }

  /* A usual address fits on one line; only an unusually long one wraps. */
  [part~='email-cell'] {
    min-width: 14rem;
  }

  /* Every column's width is set, none follows the values on screen, so no column jumps when the
     rows held back from the first frame arrive (the signed-in Admin's hint, unwrapped, is wider
     than any other value of Action) or when a row shows "Saving…". Role, status and last login
     fit their longest English and German values in common fonts (in the cell's font), Action its
     button and "Saving…" or "Wird gespeichert …" on two lines beside it (in rem, as they are);
     name takes 18% of the table and email the rest. Longer names, the hint and messages wrap.
     A value wider than its column still widens it (dates in some languages, a wide font), and
     in a container too narrow for these widths the columns shrink to their content. */
  /* Role */
  [part~='cell']:nth-child(3) {
    width: 5em;
  }

  /* Status */
  [part~='cell']:nth-child(4) {
    width: 5.5em;
  }

  /* Last login */
  [part~='cell']:nth-child(5) {
    width: 7em;
  }

  /* Action */
  [part~='cell']:nth-child(6) {
    width: 9.25rem;
  }

  [part~='row']:last-child [part~='cell'] {
    border-bottom: 0;
  }

  [part~='sort-button'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    margin: calc(-1 * var(--_space-1));
    padding: var(--_space-1);
    border-radius: var(--_radius);
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [aria-sort='none'] [part~='sort-icon'] {
    opacity: 0.45;
  }

  [part~='name-button'],
  [part~='name-link'] {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  [part~='self-badge'] {
    margin-inline-start: var(--_space-1);
  }

  .action {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }

  [part~='action-button'] {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }

  [part~='action-button'][part~='deactivate'] {
    color: var(--_danger);
  }

  [part~='hint'],
  [part~='pending'] {
    white-space: normal;
  }

  [part~='action-cell'] [part~='message'] {
    max-width: 24rem;
    margin: var(--_space-1) 0 0;
    white-space: normal;
  }

  [part~='pagination'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
  }

  .pages {
    display: flex;
    gap: var(--_space-2);
  }

  [part~='notice'] [role='alert'] {
    margin: 0 0 var(--_space-2);
  }
`;
