/**
 * The demo hosts' event logs: which events they show and how many. The framework hosts also
 * share the line each event becomes, so they differ only in how they listen.
 */
import {
  JtAccessDeniedEvent,
  JtErrorEvent,
  JtUserRoleChangeEvent,
  JtUserRoleChangedEvent,
  JtUserSelectEvent,
  JtUserStatusChangeEvent,
  JtUserStatusChangedEvent,
} from '@jt-users/elements';

/** One entry of a host's event log. */
export interface EventLogEntry {
  /** Unique on the page: the key a framework renders the entry under. */
  id: number;
  /** The event's name, e.g. `jt-user-status-changed`. */
  type: string;
  /** What happened, in a few words. */
  summary: string;
}

/** How many entries a log keeps; older ones drop off. */
export const EVENT_LOG_SIZE = 50;

/** Every event the elements fire towards a host page, by name. */
export const HOST_EVENT_NAMES = [
  JtUserStatusChangeEvent.eventName,
  JtUserStatusChangedEvent.eventName,
  JtUserRoleChangeEvent.eventName,
  JtUserRoleChangedEvent.eventName,
  JtUserSelectEvent.eventName,
  JtAccessDeniedEvent.eventName,
  JtErrorEvent.eventName,
] as const;

let lastId = 0;

/** The few words an entry shows for `event`. */
export function summarize(event: Event): string {
  if (event instanceof JtUserSelectEvent) return event.user.name;
  if (event instanceof JtUserStatusChangeEvent) return `${event.user.name}: asked for ${event.status}`;
  if (event instanceof JtUserStatusChangedEvent)
    return `${event.user.name}: ${event.previousStatus} → ${event.user.status}`;
  if (event instanceof JtUserRoleChangeEvent) return `${event.user.name}: asked for ${event.role}`;
  if (event instanceof JtUserRoleChangedEvent)
    return `${event.user.name}: ${event.previousRole} → ${event.user.role}`;
  if (event instanceof JtErrorEvent) return `${event.operation} failed: ${event.error.code}`;
  if (event instanceof JtAccessDeniedEvent)
    return `signed in as ${event.currentUser?.name ?? 'an unknown user'}`;
  return '';
}

/** `entries` with `event` added on top (newest first), at most {@link EVENT_LOG_SIZE} long. */
export function withEvent(entries: readonly EventLogEntry[], event: Event): EventLogEntry[] {
  const entry: EventLogEntry = { id: ++lastId, type: event.type, summary: summarize(event) };
  return [entry, ...entries].slice(0, EVENT_LOG_SIZE);
}
