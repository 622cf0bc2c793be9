/**
 * The framework hosts switch between the table and a profile with their own state. Each profile
 * they open is also an entry in the browser's history, so the browser's Back (a key, a gesture,
 * a mouse button) returns to the table just as the page's Back button does, Forward opens the
 * profile again, and a reload stays on it.
 */
import type { User } from '@jt-users/sdk';

/** The history entry of an open profile. The URL stays: the view is the host's state. */
interface ProfileEntry {
  jtProfileOf: User;
}

function userOf(state: unknown): User | null {
  return (state as Partial<ProfileEntry> | null)?.jtProfileOf ?? null;
}

/** The user whose profile the current history entry stands for; null for the table. */
export function profileInHistory(): User | null {
  return userOf(history.state);
}

/** Records that the host now shows `user`'s profile. */
export function pushProfile(user: User): void {
  history.pushState({ jtProfileOf: user } satisfies ProfileEntry, '');
}

/**
 * The page's Back button: the same step back as the browser's, which then tells `show` (see
 * {@link followHistory}). Without a profile entry to leave, the table is shown at once.
 */
export function backToTable(show: (user: null) => void): void {
  if (profileInHistory()) history.back();
  else show(null);
}

/**
 * Calls `show` with the user whose profile the history now stands on (null: the table) each
 * time the browser moves through it. Returns the function that stops listening.
 */
export function followHistory(show: (user: User | null) => void): () => void {
  const onPopState = (event: PopStateEvent): void => show(userOf(event.state));
  addEventListener('popstate', onPopState);
  return () => removeEventListener('popstate', onPopState);
}
