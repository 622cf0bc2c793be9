/**
 * The one way an element that shows a single user loads it: by id through the shared store,
 * unless the host already gave the user, and never for a non-Admin.
 *
 * @module
 */
import { Task, initialState } from '@lit/task';
import type { User } from '@jt-users/sdk';
import type { JtElement } from './jt-element.js';
import { isAbortError } from './messages.js';

/** An element showing one user: by `user-id`, or a `user` the host already has. */
export interface SingleUserHost extends JtElement {
  userId?: string;
  user?: User;
}

/** A task that loads the user of `host` into the store; its value is the user, or nothing. */
export function createUserLoadTask(host: SingleUserHost): Task<readonly unknown[], User> {
  return new Task(host, {
    task: async ([store, id, given, access], { signal }) => {
      // Nothing to load without a client, with a host-given user, or for a non-Admin.
      if (!store || !id || given || access !== 'admin') return initialState;
      try {
        return await store.load(id, signal);
      } catch (error) {
        // Aborted because the element left the page: nothing failed, nothing to show.
        if (isAbortError(error)) return initialState;
        host.reportError(error, 'load');
        throw error;
      }
    },
    args: () => [host.store, host.userId, host.user !== undefined, host.access] as const,
  });
}

/** The id of the user `host` shows: from `user`, else `user-id` (`user-id=""` names no user). */
export function shownUserId(host: SingleUserHost): string | undefined {
  return host.user?.id ?? (host.userId || undefined);
}
