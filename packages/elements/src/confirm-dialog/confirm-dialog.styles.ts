import { css } from 'lit';

export const confirmDialogStyles = css`
  :host {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    width: min(28rem, calc(100vw - 2 * var(--_space-4)));
    padding: var(--_space-6);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-large);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 25%);
  }

  dialog::backdrop {
    background: var(--jt-color-backdrop, rgb(0 0 0 / 45%));
  }

  /* Both name a user, and a name can be one very long word: wrap it inside the dialog. */
  [part~='heading'],
  [part~='description'] {
    overflow-wrap: anywhere;
  }

  [part~='heading'] {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-large);
    line-height: 1.3;
  }

  [part~='description'] {
    margin: 0 0 var(--_space-4);
    color: var(--_text);
  }

  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
    margin-top: var(--_space-4);
  }
`;
