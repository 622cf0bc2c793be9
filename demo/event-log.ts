/** The demo's event panel: every event the elements fire, newest first, with its detail. */
import { isUsersApiError } from '@jt-users/sdk';
import { EVENT_LOG_SIZE } from './host-events.js';

/** Errors do not serialize on their own; show what a host would read from them. */
function describe(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) =>
      isUsersApiError(item)
        ? { name: item.name, code: item.code, status: item.status, message: item.message }
        : item,
    2,
  );
}

export function startEventLog(
  list: HTMLOListElement,
  clear: HTMLButtonElement,
  names: readonly string[],
): void {
  for (const name of names) {
    document.addEventListener(name, (event) => {
      const entry = document.createElement('li');
      const title = document.createElement('code');
      title.textContent = event.type;
      const time = document.createTextNode(
        ` ${new Date().toLocaleTimeString()}${event.defaultPrevented ? ' (prevented)' : ''}`,
      );
      const detail = document.createElement('pre');
      detail.textContent = describe((event as CustomEvent).detail);
      entry.append(title, time, detail);
      list.prepend(entry);
      while (list.children.length > EVENT_LOG_SIZE) list.lastElementChild!.remove();
    });
  }
  clear.addEventListener('click', () => list.replaceChildren());
}
