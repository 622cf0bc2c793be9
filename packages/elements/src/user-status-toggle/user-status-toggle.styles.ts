import { css } from 'lit';

export const userStatusToggleStyles = css`
  :host {
    display: inline-block;
  }

  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }

  [part~='switch'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: 2.25rem;
    padding: 0 var(--_space-2) 0 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [part~='track'] {
    position: relative;
    box-sizing: border-box;
    width: var(--jt-switch-width, 2.75rem);
    height: var(--jt-switch-height, 1.5rem);
    flex: none;
    border: 2px solid var(--_muted);
    border-radius: 999px;
    background: var(--_neutral-bg);
    transition: background-color 120ms ease;
  }

  [part~='thumb'] {
    position: absolute;
    top: 2px;
    left: 2px;
    width: calc(var(--jt-switch-height, 1.5rem) - 8px);
    height: calc(var(--jt-switch-height, 1.5rem) - 8px);
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 120ms ease;
  }

  [aria-checked='true'] [part~='track'] {
    border-color: var(--_success);
    background: var(--_success);
  }

  [aria-checked='true'] [part~='thumb'] {
    background: var(--_bg);
    transform: translateX(calc(var(--jt-switch-width, 2.75rem) - var(--jt-switch-height, 1.5rem)));
  }

  [part~='message'] {
    flex-basis: 100%;
    margin: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='track'],
    [part~='thumb'] {
      transition: none;
    }
  }
`;
