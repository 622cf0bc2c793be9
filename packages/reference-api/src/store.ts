/**
 * The in-memory user store: the one place where the contract's rules live. The HTTP layer only
 * parses requests and turns the store's answers and {@link ApiProblemError}s into responses.
 *
 * @module
 */
import {
  DEFAULT_PAGE_SIZE,
  UserQuerySchema,
  UserSchema,
  type User,
  type UserPage,
  type UserQuery,
  type UserRef,
  type UserRole,
  type UserStatus,
} from '@jt-users/sdk/schemas';
import { decodeCursor, encodeCursor, invalidCursor, type SortPosition } from './cursor.js';
import { ApiProblemError } from './problems.js';
import { createSeedUsers } from './seed.js';
import { comparePositions, DEFAULT_SORT, parseSort, sortValue, type SortField } from './sorting.js';
import { parseOrThrow } from './validation.js';

/** One real change, as recorded in {@link UserStore.changes}. No-op requests record nothing. */
export interface UserChange {
  userId: string;
  field: 'status' | 'role';
  from: string;
  to: string;
  /** Id of the user who made the change. */
  by: string;
  /** When, as an ISO timestamp from the store's clock. */
  at: string;
}

/** Options of {@link UserStore}. */
export interface UserStoreOptions {
  /** The users to start from (and to return to on `reset()`). Default: {@link createSeedUsers}. */
  users?: readonly User[];
  /** Size of the generated seed when `users` is not given. */
  seedSize?: number;
  /** Where "now" comes from, for `statusChangedAt` and the change log. Default: the system clock. */
  clock?: () => Date;
}

/** Caching sorted lists keeps paging through 100 000 users fast; a few queries are enough. */
const MAX_CACHED_LISTS = 8;

/** Holds the users of one organization and enforces every rule of the contract. */
export class UserStore {
  /** Every real change since the last reset, oldest first. */
  readonly changes: UserChange[] = [];

  readonly #seed: readonly User[];
  readonly #clock: () => Date;
  #users = new Map<string, User>();
  /** Sorted, filtered lists by query; emptied by every write. */
  readonly #lists = new Map<string, readonly User[]>();

  constructor(options: UserStoreOptions = {}) {
    // Given users are checked; generated ones fit the schema by construction (and 100 000 of them
    // would take a noticeable moment to check).
    this.#seed = options.users ? options.users.map(validUser) : createSeedUsers({ size: options.seedSize });
    this.#clock = options.clock ?? (() => new Date());
    this.reset();
  }

  /** Number of users. */
  get size(): number {
    return this.#users.size;
  }

  /** Returns to the seed users and forgets the change log. */
  reset(): void {
    this.#users = new Map(this.#seed.map((user) => [user.id, copy(user)]));
    this.changes.length = 0;
    this.#lists.clear();
  }

  /** All users, in insertion order (copies). */
  all(): User[] {
    return [...this.#users.values()].map(copy);
  }

  /** The user with this id (a copy), or undefined. */
  get(id: string): User | undefined {
    const user = this.#users.get(id);
    return user && copy(user);
  }

  /**
   * Adds a user or replaces the one with the same id, without any rule or change record: for
   * tests and stories that need a particular situation (e.g. a hostile name).
   *
   * @throws Error when the user does not fit the User schema.
   */
  upsert(user: User): User {
    const stored = validUser(user);
    this.#users.set(stored.id, stored);
    this.#lists.clear();
    return copy(stored);
  }

  /**
   * One page of users. Search is case-insensitive on name and email; `total` counts every user
   * that matches the filters, on all pages.
   *
   * @throws ApiProblemError 400 `invalid_request` for a query outside the contract or a foreign cursor.
   */
  list(query: UserQuery = {}): UserPage {
    const {
      search,
      status,
      role,
      sort = DEFAULT_SORT,
      cursor,
      limit = DEFAULT_PAGE_SIZE,
    } = parseOrThrow(UserQuerySchema, query, 'query');
    const needle = search?.trim().toLowerCase() ?? '';
    const queryKey = JSON.stringify([needle, status ?? null, role ?? null, sort]);
    const { field, direction } = parseSort(sort);

    let sorted = this.#lists.get(queryKey);
    if (!sorted) {
      const matching = [...this.#users.values()].filter(
        (user) =>
          (status === undefined || user.status === status) &&
          (role === undefined || user.role === role) &&
          (needle === '' ||
            user.name.toLowerCase().includes(needle) ||
            user.email.toLowerCase().includes(needle)),
      );
      const keyed = matching.map((user) => ({
        user,
        position: { value: sortValue(user, field), id: user.id },
      }));
      keyed.sort((a, b) => comparePositions(a.position, b.position, direction));
      sorted = keyed.map(({ user }) => user);
      if (this.#lists.size >= MAX_CACHED_LISTS) this.#lists.clear();
      this.#lists.set(queryKey, sorted);
    }

    const positionOf = (user: User): SortPosition => ({ value: sortValue(user, field), id: user.id });
    const start =
      cursor === undefined
        ? 0
        : firstAfter(sorted, this.#cursorPosition(queryKey, cursor, field), positionOf, direction);
    const items = sorted.slice(start, start + limit);
    const last = items.at(-1);
    const hasMore = start + limit < sorted.length;
    // A name or an email can be long: the cursor keeps the user's id only, and the value is looked
    // up when it comes back. The other values are short, and kept: they change during paging.
    const keepsValue = field !== 'name' && field !== 'email';
    return {
      items: items.map(copy),
      nextCursor:
        hasMore && last ? encodeCursor(queryKey, keepsValue ? positionOf(last) : { id: last.id }) : null,
      total: sorted.length,
    };
  }

  /** Where a cursor of `queryKey` points, its sort value looked up when it holds none. */
  #cursorPosition(queryKey: string, cursor: string, field: SortField): SortPosition {
    const { id, value } = decodeCursor(queryKey, cursor);
    if (value !== undefined) return { id, value };
    const user = this.#users.get(id);
    if (!user) throw invalidCursor();
    return { id, value: sortValue(user, field) };
  }

  /**
   * Sets a user's status. Setting the status the user already has succeeds and records nothing,
   * so a retry after a lost answer is safe.
   *
   * @param actor The signed-in Admin making the change.
   * @throws ApiProblemError 404 `not_found`, 409 `self_deactivation`, 409 `last_admin`.
   */
  setStatus(actor: UserRef, id: string, status: UserStatus): User {
    const user = this.#require(id);
    if (user.status === status) return copy(user);
    if (status === 'inactive' && user.id === actor.id) {
      throw new ApiProblemError(
        409,
        'self_deactivation',
        'You cannot deactivate your own account; ask another Admin.',
      );
    }
    this.#guardLastAdmin(user, { ...user, status });
    const at = this.#now();
    return this.#write(
      user,
      { ...user, status, statusChangedAt: at, statusChangedBy: { id: actor.id, name: actor.name } },
      'status',
      actor,
      at,
    );
  }

  /**
   * Sets a user's role. Setting the role the user already has succeeds and records nothing.
   *
   * @param actor The signed-in Admin making the change.
   * @throws ApiProblemError 404 `not_found`, 409 `last_admin`.
   */
  setRole(actor: UserRef, id: string, role: UserRole): User {
    const user = this.#require(id);
    if (user.role === role) return copy(user);
    this.#guardLastAdmin(user, { ...user, role });
    return this.#write(user, { ...user, role }, 'role', actor, this.#now());
  }

  /** Number of active Admins. */
  activeAdminCount(): number {
    let count = 0;
    for (const user of this.#users.values()) if (isActiveAdmin(user)) count++;
    return count;
  }

  #require(id: string): User {
    const user = this.#users.get(id);
    if (!user) throw new ApiProblemError(404, 'not_found', `No user with id "${id}".`);
    return user;
  }

  /** Refuses a change that takes away the organization's last active Admin. */
  #guardLastAdmin(before: User, after: User): void {
    if (isActiveAdmin(before) && !isActiveAdmin(after) && this.activeAdminCount() <= 1) {
      throw new ApiProblemError(
        409,
        'last_admin',
        `${before.name} is the only active Admin; make another user an active Admin first.`,
      );
    }
  }

  #write(before: User, after: User, field: UserChange['field'], actor: UserRef, at: string): User {
    this.#users.set(after.id, after);
    this.#lists.clear();
    this.changes.push({ userId: after.id, field, from: before[field], to: after[field], by: actor.id, at });
    return copy(after);
  }

  #now(): string {
    return this.#clock().toISOString();
  }
}

function isActiveAdmin(user: User): boolean {
  return user.role === 'admin' && user.status === 'active';
}

/** Index of the first user after `position` in a list sorted by the same order (binary search). */
function firstAfter(
  sorted: readonly User[],
  position: SortPosition,
  positionOf: (user: User) => SortPosition,
  direction: 1 | -1,
): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comparePositions(positionOf(sorted[middle] as User), position, direction) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function validUser(user: User): User {
  const result = UserSchema.safeParse(user);
  if (!result.success) throw new TypeError(`Not a valid user: ${JSON.stringify(user)}`);
  return copy(result.data);
}

/** Users are handed out as copies, so no caller can change the store behind its rules. */
function copy(user: User): User {
  return { ...user, statusChangedBy: user.statusChangedBy && { ...user.statusChangedBy } };
}
