/**
 * The demo host page: a plain admin area, no framework. It only creates the client, routes
 * between the two views and logs what the elements tell it; the elements do the rest.
 */
import '@jt-users/elements/define';
import { createUsersClient, USER_ROLES, type UserRole } from '@jt-users/sdk';
import { demoTokens } from '@jt-users/reference-api';
import { startEventLog } from './event-log.js';
import { HOST_EVENT_NAMES } from './host-events.js';

const params = new URLSearchParams(location.search);
const signedInAs: UserRole = USER_ROLES.find((role) => role === params.get('as')) ?? 'admin';

const client = createUsersClient({ baseUrl: '/api', getToken: () => demoTokens[signedInAs] });

const hostStrings = {
  en: { title: 'User Management', back: '← Back to User Management' },
  de: { title: 'Benutzerverwaltung', back: '← Zurück zur Benutzerverwaltung' },
} as const;
type Language = keyof typeof hostStrings;

const settings = document.querySelector<HTMLFormElement>('form.settings')!;
const view = document.querySelector<HTMLElement>('#view')!;
const field = (name: string) => settings.elements.namedItem(name) as HTMLSelectElement;

function language(): Language {
  return document.documentElement.lang === 'de' ? 'de' : 'en';
}

function applyPreferences(): void {
  const lang = localStorage.getItem('jt-demo-lang') === 'de' ? 'de' : 'en';
  const theme = localStorage.getItem('jt-demo-theme') ?? 'system';
  document.documentElement.lang = lang;
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  field('lang').value = lang;
  field('theme').value = theme;
  field('as').value = signedInAs;
}

settings.addEventListener('change', (event) => {
  const select = event.target as HTMLSelectElement;
  if (select.name === 'as') {
    // A different signed-in user is a different session: a new page, a new client, a new cache.
    const url = new URL(location.href);
    url.searchParams.set('as', select.value);
    location.assign(url);
    return;
  }
  localStorage.setItem(`jt-demo-${select.name}`, select.value);
  applyPreferences();
  render();
});

/** `#/users/{id}` shows a user's information page; anything else the User Management table. */
function render(): void {
  const strings = hostStrings[language()];
  const match = /^#\/users\/([^/]+)$/.exec(location.hash);
  view.replaceChildren();
  if (match) {
    const back = Object.assign(document.createElement('a'), { className: 'back-link', href: '#/' });
    back.textContent = strings.back;
    const profile = document.createElement('jt-user-profile');
    profile.client = client;
    profile.userId = decodeURIComponent(match[1]!);
    view.append(back, profile);
  } else {
    const heading = document.createElement('h1');
    heading.textContent = strings.title;
    const table = document.createElement('jt-user-table');
    table.client = client;
    table.setAttribute('profile-href', '#/users/{id}');
    view.append(heading, table);
  }
  document.title = `${strings.title} — jt-users demo`;
}

window.addEventListener('hashchange', () => {
  render();
  view.focus();
});

startEventLog(document.querySelector('#event-log')!, document.querySelector('#clear-log')!, HOST_EVENT_NAMES);
applyPreferences();
render();
