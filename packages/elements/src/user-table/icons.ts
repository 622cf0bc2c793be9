/**
 * The inline icons of `<jt-user-table>`. They are decorative (`aria-hidden`): the buttons that
 * hold them carry the accessible name. `currentColor` lets themes colour them through `color`.
 *
 * @module
 */
import { html, svg, type TemplateResult } from 'lit';
import type { SortDirection } from './columns.js';

/** A line icon in the current text colour, hidden from assistive technology (the button is named). */
function lineIcon(part: string, size: number, content: TemplateResult): TemplateResult {
  return html`<svg
    part=${part}
    viewBox="0 0 24 24"
    width=${size}
    height=${size}
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${content}
  </svg>`;
}

/** A person, with a sign drawn beside them. */
function personIcon(sign: string): TemplateResult {
  return lineIcon(
    'icon',
    20,
    svg`<circle cx="9" cy="7" r="4"></circle>
      <path d="M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1"></path>
      <path d=${sign}></path>`,
  );
}

/** A person with a minus sign: take away the user's access. */
export const deactivateIcon: TemplateResult = personIcon('M16 11h6');

/** A person with a plus sign: give the user's access back. */
export const activateIcon: TemplateResult = personIcon('M16 11h6M19 8v6');

const sortPaths: Record<SortDirection, string> = {
  ascending: 'M7 14l5-5 5 5',
  descending: 'M7 10l5 5 5-5',
  none: 'M8 9l4-4 4 4M8 15l4 4 4-4',
};

/** The arrow next to a sortable header: up, down, or both when the column is not sorted. */
export function sortIcon(direction: SortDirection): TemplateResult {
  return lineIcon('sort-icon', 16, svg`<path d=${sortPaths[direction]}></path>`);
}
