/**
 * The demo host page: a plain admin area, no framework. It only creates the client, routes
 * between the two views and logs what the elements tell it; the elements do the rest.
 */
import '@jt-users/elements/define';
import { startEventLog } from './event-log.js';
import { HOST_EVENT_NAMES } from './host-events.js';
import { HOST_TEXT, language } from './host-text.js';
import { demoClient } from './session.js';
import { startSettings } from './settings.js';

const client = demoClient();

const view = document.querySelector<HTMLElement>('#view')!;

/**
 * A path segment as written in the link; a malformed escape (a hand-edited or cut-off link) is
 * kept as it is, so the profile says there is no such user instead of the page staying blank.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Which view {@link route} showed last. */
let shown: 'table' | 'profile' = 'table';

/** `#/users/{id}` shows a user's information page; anything else the User Management table. */
function route(): void {
  const match = /^#\/users\/([^/]+)$/.exec(location.hash);
  shown = match ? 'profile' : 'table';
  view.replaceChildren();
  if (match) {
    const back = Object.assign(document.createElement('a'), { className: 'back-link', href: '#/' });
    const profile = document.createElement('jt-user-profile');
    profile.client = client;
    profile.userId = decodeSegment(match[1]!);
    view.append(back, document.createElement('h1'), profile);
  } else {
    const table = document.createElement('jt-user-table');
    table.client = client;
    table.setAttribute('profile-href', '#/users/{id}');
    view.append(document.createElement('h1'), table);
  }
  translate();
}

/**
 * Puts the host's own words in the page's language. The elements follow `<html lang>` by
 * themselves, and keep what the Admin was doing (a search, a page) through the change.
 */
function translate(): void {
  const strings = HOST_TEXT[language()];
  const title = shown === 'profile' ? strings.profileTitle : strings.title;
  view.querySelector('h1')!.textContent = title;
  const back = view.querySelector('.back-link');
  if (back) back.textContent = strings.back;
  document.title = `${title} — jt-users demo`;
}

window.addEventListener('hashchange', () => {
  route();
  view.focus();
});

startEventLog(document.querySelector('#event-log')!, document.querySelector('#clear-log')!, HOST_EVENT_NAMES);
startSettings(document.querySelector('.top-bar')!, translate);
route();
