/**
 * The User Management area of a React 19 app: the table, and a user's information page when a
 * name is chosen. React passes the client as a property and listens to the elements' events
 * through `on<event-name>` props; the elements do everything else.
 */
import '@jt-users/elements/define';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JtUserSelectEvent } from '@jt-users/elements';
import type { UsersClient } from '@jt-users/sdk';
import { withEvent, type EventLogEntry } from '../host-events.js';
import { HOST_TEXT, type Language } from '../host-text.js';
import { backToTable, followHistory, profileInHistory, pushProfile } from '../profile-history.js';
import { EventLog } from './EventLog.js';

/** Props of {@link App}. */
export interface AppProps {
  /** The signed-in client every element on the page shares (one client, one cache). */
  client: UsersClient;
  /** The language of the host's own words (the elements follow `<html lang>`); English by default. */
  language?: Language;
}

/**
 * The React host: the table or a user's profile, switched by React state (kept in step with the
 * browser's history), and the event log.
 */
export function App({ client, language = 'en' }: AppProps) {
  const text = HOST_TEXT[language];
  // The id of the user whose profile is shown; the profile finds them in the client's cache.
  const [selected, setSelected] = useState<string | null>(profileInHistory);
  const [log, setLog] = useState<EventLogEntry[]>([]);
  const main = useRef<HTMLElement>(null);
  const shown = useRef(selected);

  const logEvent = useCallback((event: Event) => setLog((entries) => withEvent(entries, event)), []);
  const select = useCallback(
    (event: JtUserSelectEvent) => {
      logEvent(event);
      pushProfile(event.user.id);
      setSelected(event.user.id);
    },
    [logEvent],
  );

  useEffect(() => followHistory(setSelected), []);

  // A new view is like a new page: focus moves to its start, as after a route change.
  useEffect(() => {
    if (shown.current === selected) return;
    shown.current = selected;
    main.current?.focus();
  }, [selected]);

  return (
    <div className="layout">
      <main ref={main} tabIndex={-1}>
        {selected ? (
          <>
            <button type="button" className="back-link" onClick={() => backToTable(setSelected)}>
              {text.back}
            </button>
            <h1>{text.profileTitle}</h1>
            <jt-user-profile
              client={client}
              user-id={selected}
              onjt-user-status-changed={logEvent}
              onjt-user-role-changed={logEvent}
              onjt-error={logEvent}
              onjt-access-denied={logEvent}
            />
          </>
        ) : (
          <>
            <h1>{text.title}</h1>
            <jt-user-table
              client={client}
              onjt-user-select={select}
              onjt-user-status-changed={logEvent}
              onjt-error={logEvent}
              onjt-access-denied={logEvent}
            />
          </>
        )}
      </main>
      <EventLog entries={log} onClear={() => setLog([])} />
    </div>
  );
}
