import { css } from 'lit';

export const userProfileStyles = css`
  /* A grid, so that the header slot's content and the sections are spaced alike. */
  :host,
  [part~='base'] {
    display: grid;
    gap: var(--_space-4);
  }

  [part~='section'] {
    padding: var(--_space-4) var(--_space-6);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-large);
    background: var(--_surface);
  }

  [part~='section-heading'] {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size-large);
    line-height: 1.3;
  }

  [part~='name'] {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size);
    overflow-wrap: anywhere;
  }

  [part~='intro'] {
    margin-bottom: var(--_space-3);
  }

  [part~='fields'] {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }

  [part~='field'] {
    display: contents;
  }

  [part~='field-label'] {
    color: var(--_muted);
  }

  [part~='field-value'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-2);
    margin: 0;
    overflow-wrap: anywhere;
  }

  [part~='role-form'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-bottom: var(--_space-2);
  }

  [part~='role-select'] {
    min-height: 2.25rem;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }

  @media (max-width: 30rem) {
    [part~='fields'] {
      grid-template-columns: 1fr;
      gap: 0;
    }

    [part~='field-value'] {
      margin-bottom: var(--_space-2);
    }
  }
`;
