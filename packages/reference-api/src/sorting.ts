/**
 * Ordering of users for `GET /v1/users?sort=`. One comparator serves both the sort and the
 * keyset cursor, so a page always continues exactly where the previous one ended.
 *
 * @module
 */
import {
  USER_ROLES,
  USER_STATUSES,
  type USER_SORT_FIELDS,
  type User,
  type UserSort,
} from '@jt-users/sdk/schemas';
import type { SortPosition } from './cursor.js';

/** The order when a query asks for none. */
export const DEFAULT_SORT: UserSort = 'name';

/** A field the list can be sorted by. */
export type SortField = (typeof USER_SORT_FIELDS)[number];

// Names sort the way people read them ("Émile" next to "Emma"), not by code unit.
const collator = new Intl.Collator('en');

/** The value a user is sorted by. Roles sort by rank (Admin first), statuses active first. */
export function sortValue(user: User, field: SortField): SortPosition['value'] {
  switch (field) {
    case 'name':
      return user.name;
    case 'email':
      return user.email;
    case 'role':
      return USER_ROLES.indexOf(user.role);
    case 'status':
      return USER_STATUSES.indexOf(user.status);
    case 'createdAt':
      return Date.parse(user.createdAt);
    case 'lastLoginAt':
      return user.lastLoginAt === null ? null : Date.parse(user.lastLoginAt);
  }
}

/** Splits `-name` into the field and the direction (1 ascending, -1 descending). */
export function parseSort(sort: UserSort): { field: SortField; direction: 1 | -1 } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as SortField, direction: -1 }
    : { field: sort as SortField, direction: 1 };
}

/**
 * Compares two positions. Missing values (never logged in) come last in both directions, and
 * equal values fall back to the id, ascending, so the order is total and stable.
 */
export function comparePositions(a: SortPosition, b: SortPosition, direction: 1 | -1): number {
  const byValue = compareValues(a.value, b.value, direction);
  if (byValue !== 0) return byValue;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareValues(a: SortPosition['value'], b: SortPosition['value'], direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b) * direction;
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * direction;
  // A cursor value of the wrong kind cannot come from this sort; order it first so nothing is skipped.
  return typeof a === 'string' ? -1 : 1;
}
