import type { EventLogEntry } from '../host-events.js';

/** Props of {@link EventLog}. */
export interface EventLogProps {
  entries: readonly EventLogEntry[];
  onClear: () => void;
}

/** The host's log of element events, newest first. */
export function EventLog({ entries, onClear }: EventLogProps) {
  return (
    <aside className="event-log" aria-labelledby="react-event-log-heading">
      <div className="event-log-header">
        <h2 id="react-event-log-heading">Events</h2>
        <button type="button" onClick={onClear}>
          Clear
        </button>
      </div>
      <ol aria-live="off">
        {entries.map((entry) => (
          <li key={entry.id} data-event={entry.type}>
            <code>{entry.type}</code> {entry.summary}
          </li>
        ))}
      </ol>
    </aside>
  );
}
