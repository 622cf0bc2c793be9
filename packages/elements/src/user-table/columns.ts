/**
 * The sortable columns of `<jt-user-table>` and the small pure rules around them: which way a
 * column is sorted, what a click on its header asks for next, and where a profile link points.
 *
 * @module
 */
import type { USER_SORT_FIELDS, UserSort } from '@jt-users/sdk';

/** A field the server can sort by. */
export type SortField = (typeof USER_SORT_FIELDS)[number];

/** The value of a header's `aria-sort`. */
export type SortDirection = 'ascending' | 'descending' | 'none';

/** The sortable columns, in the order they are shown (Action follows them, unsortable). */
export const SORTABLE_COLUMNS: readonly SortField[] = ['name', 'email', 'role', 'status', 'lastLoginAt'];

/** The order of the list before anyone sorts: by name, A to Z. */
export const DEFAULT_TABLE_SORT: UserSort = 'name';

/** How `sort` orders `field`: the header's `aria-sort`. */
export function sortDirection(sort: UserSort, field: SortField): SortDirection {
  if (sort === field) return 'ascending';
  if (sort === `-${field}`) return 'descending';
  return 'none';
}

/** The sort a click on `field`'s header asks for: ascending first, then it flips. */
export function nextSort(sort: UserSort, field: SortField): UserSort {
  return sort === field ? `-${field}` : field;
}

/**
 * The profile URL of a user: `template` with every `{id}` replaced by the URL-encoded id
 * (`/users/{id}` → `/users/usr_42`, `#/users/{id}` → `#/users/usr_42`).
 */
export function profileUrl(template: string, id: string): string {
  return template.replaceAll('{id}', encodeURIComponent(id));
}
