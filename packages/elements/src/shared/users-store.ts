/**
 * The cache of users that every element given the same client shares, so that a change made in
 * one element shows in all of them in the same frame.
 *
 * @module
 */
import {
  UsersApiError,
  isUsersApiError,
  type User,
  type UserPage,
  type UserQuery,
  type UserRole,
  type UserStatus,
  type UsersApiErrorCode,
  type UsersClient,
} from '@jt-users/sdk';
import { getOrCreate } from './get-or-create.js';

/** Told which user ids changed. Called synchronously inside the change. */
export type UsersStoreListener = (ids: ReadonlySet<string>) => void;

/** The kinds of change a store sends; at most one of each kind per user is in flight. */
export type UserMutation = 'status' | 'role';

/** The fields each kind of change sets, the server's stamps included. */
const FIELDS_OF: Record<UserMutation, readonly (keyof User)[]> = {
  status: ['status', 'statusChangedAt', 'statusChangedBy'],
  role: ['role'],
};

const pick = (user: User, fields: readonly (keyof User)[]): Partial<User> =>
  Object.fromEntries(fields.map((field) => [field, user[field]]));

const stores = new WeakMap<UsersClient, UsersStore>();

/**
 * One store per {@link UsersClient}: get it with {@link UsersStore.for}. Elements read users with
 * {@link UsersStore.get} while rendering and re-render when {@link UsersStore.subscribe} tells
 * them an id they show changed. They never change a user object themselves.
 */
export class UsersStore {
  /** The store of `client`, created on first use. */
  static for(client: UsersClient): UsersStore {
    return getOrCreate(stores, client, () => new UsersStore(client));
  }

  readonly client: UsersClient;
  readonly #users = new Map<string, User>();
  readonly #listeners = new Set<UsersStoreListener>();
  readonly #pending = new Map<string, Promise<User>>();
  /** Counts, in order, the changes this store starts and finishes and the reads it sends; see `#putRead`. */
  #changes = 0;
  /**
   * The count at each user's last change or read taken (by id), and at its last change of each
   * kind (by key).
   */
  readonly #changedAt = new Map<string, number>();
  #currentUser: Promise<User> | undefined;
  /** Whether `#currentUser` is still on its way (at most one request is). */
  #asking = false;

  private constructor(client: UsersClient) {
    this.client = client;
  }

  /** Whether the signed-in user is known: a `currentUser()` answer came, and no other is on its way. */
  get knowsCurrentUser(): boolean {
    return !!this.#currentUser && !this.#asking;
  }

  /**
   * The signed-in user. One `getCurrentUser` request per client, however many elements ask; a
   * failed request is forgotten so the next call tries again. Aborting `signal` stops waiting
   * (rejecting with code `aborted`) without cancelling the request others may share.
   *
   * `again` asks anew, after a 403, unless a request is on its way already (however many
   * elements were refused at once): the role the server answers now (a Manager, made so
   * elsewhere) reaches every element of this client, not only the ones that were refused.
   */
  currentUser(signal?: AbortSignal, again?: boolean): Promise<User> {
    if (again ? !this.#asking : !this.#currentUser) {
      this.#asking = true;
      const asked = ++this.#changes;
      const request = this.client.getCurrentUser().then((user) => {
        this.#asking = false;
        this.#putRead([user], asked);
        return user;
      });
      this.#currentUser = request;
      request.catch(() => {
        this.#asking = false;
        if (this.#currentUser === request) this.#currentUser = undefined;
      });
    }
    // Set: by the request just made, or by one on its way (`#asking`), or kept from before.
    const user = this.#currentUser!;
    return signal ? abortable(user, signal) : user;
  }

  /** The cached user with that id, if any. */
  get(id: string): User | undefined {
    return this.#users.get(id);
  }

  /** Fetches one user, caches it and returns it. */
  async load(id: string, signal?: AbortSignal): Promise<User> {
    const asked = ++this.#changes;
    const user = await this.client.getUser(id, { signal });
    this.#putRead([user], asked);
    return user;
  }

  /** Fetches one page of users, caches its items and returns the page. */
  async list(query: UserQuery = {}, signal?: AbortSignal): Promise<UserPage> {
    const asked = ++this.#changes;
    const page = await this.client.listUsers(query, { signal });
    this.#putRead(page.items, asked);
    return page;
  }

  /**
   * Caches users read from the server (by a read sent when the count was `asked`), except cached
   * ones with a change still waiting, or changed here or taken from a later read since: the
   * server may have answered this read before it applied the change, or before another Admin's
   * change that a faster read brought, and an answer that arrives late must not take the screen
   * back to the old value.
   */
  #putRead(users: readonly User[], asked: number): void {
    this.putMany(
      users.filter((user) => {
        const cached = this.#users.get(user.id);
        const outdated = (this.#changedAt.get(user.id) ?? 0) > asked;
        if (cached && (outdated || this.isPending(user.id))) return false;
        if (!outdated) this.#changedAt.set(user.id, asked);
        // A copy equal to the cached user keeps the cached object and tells nobody: elements
        // showing that user have nothing to re-render when a page or a profile is read again.
        return !cached || JSON.stringify(cached) !== JSON.stringify(user);
      }),
    );
  }

  /** Puts one user into the cache and tells subscribers. */
  put(user: User): void {
    this.putMany([user]);
  }

  /** Puts users into the cache and tells subscribers once, with all their ids. */
  putMany(users: Iterable<User>): void {
    const ids = new Set<string>();
    for (const user of users) {
      this.#users.set(user.id, user);
      ids.add(user.id);
    }
    if (ids.size > 0) this.#notify(ids);
  }

  /** Calls `listener` with the changed ids after every change. Returns the unsubscribe function. */
  subscribe(listener: UsersStoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether a status or role change of that user (or only of `kind`) is waiting for the server. */
  isPending(id: string, kind?: UserMutation): boolean {
    return kind
      ? this.#pending.has(`${kind}:${id}`)
      : this.isPending(id, 'status') || this.isPending(id, 'role');
  }

  /**
   * Sets a user's status, optimistically: the cache shows the new status at once, the user is
   * pending until the server answers, then the cache holds the server's user. On failure the
   * status goes back and the `UsersApiError` is rethrown. A failure that leaves open whether the
   * server applied the change (no answer, a 5xx, a broken body, a 403) is checked with one
   * `getUser` first: the cache takes the server's user, and the call resolves if the change is
   * there after all. If that leaves it open, the user is read again a few times over the next 40
   * seconds, while any subscriber is left and no later change of the same kind is made here, so
   * that a change the server applies late still shows; `onAppliedLate` is then called with the
   * user. While a change is pending, another call for the same user returns the same promise and
   * sends nothing.
   */
  setStatus(id: string, status: UserStatus, onAppliedLate?: (user: User) => void): Promise<User> {
    return this.#mutate('status', id, { status }, () => this.client.setUserStatus(id, status), onAppliedLate);
  }

  /** Sets a user's role, optimistically, exactly like {@link UsersStore.setStatus}. */
  setRole(id: string, role: UserRole, onAppliedLate?: (user: User) => void): Promise<User> {
    return this.#mutate('role', id, { role }, () => this.client.setUserRole(id, role), onAppliedLate);
  }

  #mutate(
    kind: UserMutation,
    id: string,
    change: Partial<Pick<User, 'status' | 'role'>>,
    send: () => Promise<User>,
    onAppliedLate?: (user: User) => void,
  ): Promise<User> {
    const key = `${kind}:${id}`;
    const inFlight = this.#pending.get(key);
    if (inFlight) return inFlight;

    const before = this.#users.get(id);
    const other: UserMutation = kind === 'status' ? 'role' : 'status';
    const otherKey = `${other}:${id}`;
    const sent = this.#changes;
    const changed = () => {
      this.#changedAt.set(id, ++this.#changes);
      this.#changedAt.set(key, this.#changes);
    };
    // An answer holds the other kind's fields as the server had them then: a change of those
    // still waiting, or made since this one was sent, is newer and stays.
    const put = (answer: User) => {
      const now = this.#users.get(id);
      const newer = now && (this.isPending(id, other) || (this.#changedAt.get(otherKey) ?? 0) > sent);
      this.put(newer ? { ...answer, ...pick(now, FIELDS_OF[other]) } : answer);
    };
    // Pending is set before the optimistic put, so subscribers that render on it see both.
    const request = (async () => {
      try {
        const updated = await send();
        this.#pending.delete(key);
        changed();
        put(updated);
        return updated;
      } catch (error) {
        // Without a readable answer nobody knows whether the server applied the change (the
        // answer may have been lost after it did, and the SDK's retries may be spent): ask the
        // server instead of guessing, so the screen ends in the server's state either way.
        const unknown = outcomeIsUnknown(error);
        const actual = unknown ? await this.#read(id) : undefined;
        this.#pending.delete(key);
        changed();
        if (actual) {
          put(actual);
          if (actual[kind] === change[kind]) return actual;
        } else {
          // Only the changed field goes back: anything else learnt meanwhile (a reload) stays.
          const now = this.#users.get(id);
          if (before && now) this.put({ ...now, [kind]: before[kind] });
          else this.#notify(new Set([id]));
        }
        if (unknown) void this.#recheck(id, kind, change[kind], onAppliedLate);
        throw error;
      }
    })();
    this.#pending.set(key, request);
    changed();
    if (before) this.put({ ...before, ...change });
    else this.#notify(new Set([id]));
    return request;
  }

  /**
   * The user as the server has them now, or undefined if that cannot be learnt. An Admin who may
   * have just demoted themself is refused users (403): they read themself instead.
   */
  async #read(id: string): Promise<User | undefined> {
    try {
      return await this.client.getUser(id);
    } catch (error) {
      const me =
        isUsersApiError(error) &&
        error.code === 'forbidden' &&
        (await this.client.getCurrentUser().catch(() => undefined));
      return me && me.id === id ? me : undefined;
    }
  }

  /**
   * Reads the user again after each of {@link RECHECK_DELAYS_MS}, after a change of `kind` towards
   * `target` whose outcome stayed unknown: it may still be applied (its request may reach the
   * server, or finish there, after the client gave up), and a check that failed learnt nothing.
   * Stops when nothing on the page listens any more, when a later change of that kind was made
   * here (it has its own outcome to learn), or when the cache takes the change as applied.
   */
  async #recheck(
    id: string,
    kind: UserMutation,
    target: unknown,
    onAppliedLate?: (user: User) => void,
  ): Promise<void> {
    const key = `${kind}:${id}`;
    const failed = this.#changedAt.get(key);
    const current = () => this.#listeners.size > 0 && this.#changedAt.get(key) === failed;
    for (const delay of RECHECK_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (!current()) return;
      const asked = ++this.#changes;
      const user = await this.#read(id);
      if (!current()) return;
      if (!user) continue;
      this.#putRead([user], asked);
      // The cache may refuse the read (a change of the other kind is waiting): try again later.
      const cached = this.#users.get(id);
      if (cached && cached[kind] === target) {
        // Taken as a change: a read sent before this one and answered after it is older news.
        this.#changedAt.set(id, ++this.#changes);
        onAppliedLate?.(cached);
        return;
      }
    }
  }

  #notify(ids: ReadonlySet<string>): void {
    for (const listener of [...this.#listeners]) listener(ids);
  }
}

/**
 * When a change's outcome stays unknown, how long after it (and after each other) the store reads
 * the user again, in milliseconds: soon, for a check that failed on a passing fault, then later,
 * for a request that reaches the server late. About 40 s in all.
 */
const RECHECK_DELAYS_MS = [2_000, 8_000, 30_000];

/**
 * Failures after which a change may or may not have been applied: no answer (network, timeout),
 * one that says nothing reliable (a 5xx, a body that breaks the contract), or a 403, which a
 * retry meets when its first attempt took the Admin role from the person sending it. Any other
 * refusal of the contract (4xx with its code) says for certain that nothing changed.
 */
const UNKNOWN_OUTCOME_CODES: ReadonlySet<UsersApiErrorCode> = new Set<UsersApiErrorCode>([
  'forbidden',
  'network',
  'timeout',
  'server_error',
  'invalid_response',
  'unknown',
]);

function outcomeIsUnknown(error: unknown): boolean {
  return isUsersApiError(error) && UNKNOWN_OUTCOME_CODES.has(error.code);
}

/**
 * Races `promise` against `signal`, rejecting with an `aborted` UsersApiError when it fires (with
 * the SDK's own words for it).
 */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => new UsersApiError('aborted', 'Cancelled.', { cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
