/**
 * The framework hosts switch between the table and a profile with their own state. Each profile
 * they open is also an entry in the browser's history, so the browser's Back (a key, a gesture,
 * a mouse button) returns to the table just as the page's Back button does, Forward opens the
 * profile again, and a reload stays on it.
 *
 * An entry holds the user's id, never the user: the profile it opens again loads them, so it
 * shows them as the server has them now (after changes made since), not as they were.
 */

/** The history entry of an open profile. The URL stays: the view is the host's state. */
interface ProfileEntry {
  jtProfileOf: string;
}

function idOf(state: unknown): string | null {
  return (state as Partial<ProfileEntry> | null)?.jtProfileOf ?? null;
}

/** The id of the user whose profile the current history entry stands for; null for the table. */
export function profileInHistory(): string | null {
  return idOf(history.state);
}

/** Records that the host now shows the profile of the user with id `userId`. */
export function pushProfile(userId: string): void {
  history.pushState({ jtProfileOf: userId } satisfies ProfileEntry, '');
}

/**
 * The page's Back button: the same step back as the browser's, which then tells `show` (see
 * {@link followHistory}). Without a profile entry to leave, the table is shown at once.
 */
export function backToTable(show: (userId: null) => void): void {
  if (profileInHistory()) history.back();
  else show(null);
}

/**
 * Calls `show` with the id of the user whose profile the history now stands on (null: the
 * table) each time the browser moves through it. Returns the function that stops listening.
 */
export function followHistory(show: (userId: string | null) => void): () => void {
  const onPopState = (event: PopStateEvent): void => show(idOf(event.state));
  addEventListener('popstate', onPopState);
  return () => removeEventListener('popstate', onPopState);
}
