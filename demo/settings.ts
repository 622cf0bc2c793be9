/**
 * The settings in every demo host's top bar: who is signed in, the language and the theme.
 * Language and theme are kept in `localStorage`, so a choice made in one host holds in the
 * others; the elements follow `<html lang>` and the page's colour scheme by themselves. Another
 * signed-in user is another session: a new page (`?as=`), with a new client and a new cache.
 */
import { USER_ROLES } from '@jt-users/sdk';
import { language, type Language } from './host-text.js';
import { signedInAs } from './session.js';

const LANGUAGES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

const THEMES = { system: 'System', light: 'Light', dark: 'Dark' } as const;

/** Each setting: its `<select>` name, label and options (value → text). */
const SETTINGS = [
  {
    name: 'as',
    label: 'Signed in as',
    options: Object.fromEntries(USER_ROLES.map((role) => [role, role[0]!.toUpperCase() + role.slice(1)])),
  },
  { name: 'lang', label: 'Language', options: LANGUAGES },
  { name: 'theme', label: 'Theme', options: THEMES },
] as const;

const storageKey = (name: 'lang' | 'theme') => `jt-demo-${name}`;

function storedLanguage(): Language {
  return localStorage.getItem(storageKey('lang')) === 'de' ? 'de' : 'en';
}

function storedTheme(): keyof typeof THEMES {
  const theme = localStorage.getItem(storageKey('theme'));
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

/** Puts the stored language and theme on `<html>`. */
function applyStoredPreferences(): void {
  document.documentElement.lang = storedLanguage();
  const theme = storedTheme();
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function settingsForm(): HTMLFormElement {
  const form = document.createElement('form');
  form.className = 'settings';
  form.setAttribute('aria-label', 'Demo settings');
  for (const setting of SETTINGS) {
    const label = document.createElement('label');
    const select = document.createElement('select');
    select.name = setting.name;
    for (const [value, text] of Object.entries(setting.options)) select.add(new Option(text, value));
    label.append(setting.label, select);
    form.append(label);
  }
  form.append(resetButton());
  return form;
}

/**
 * Puts the seed users back on the server and reloads the page: the way back after changes that
 * lock the demo out, such as the Admin making themself a Manager. (The demo server forwards
 * `/__control/` to the reference API's control endpoints.)
 */
function resetButton(): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reset demo data';
  const outcome = document.createElement('span');
  outcome.setAttribute('role', 'status');
  const failed = () => {
    outcome.textContent = 'The demo data could not be reset.';
    button.disabled = false;
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    outcome.textContent = '';
    fetch('/__control/reset', { method: 'POST' }).then(
      (answer) => (answer.ok ? location.reload() : failed()),
      failed,
    );
  });
  const wrapper = document.createElement('span');
  wrapper.className = 'reset';
  wrapper.append(button, outcome);
  return wrapper;
}

/**
 * Applies the stored language and theme and puts the settings form at the end of `topBar`.
 * `onLanguageChange` runs after the language changed, for a host's own text.
 */
export function startSettings(topBar: HTMLElement, onLanguageChange?: () => void): void {
  applyStoredPreferences();
  const form = settingsForm();
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  field('as').value = signedInAs();
  field('lang').value = language();
  field('theme').value = storedTheme();
  form.addEventListener('change', (event) => {
    const select = event.target as HTMLSelectElement;
    if (select.name === 'as') {
      const url = new URL(location.href);
      url.searchParams.set('as', select.value);
      location.assign(url);
      return;
    }
    localStorage.setItem(storageKey(select.name === 'lang' ? 'lang' : 'theme'), select.value);
    applyStoredPreferences();
    if (select.name === 'lang') onLanguageChange?.();
  });
  topBar.append(form);
  // Moving to another host, by the menu or the brand, keeps who is signed in.
  for (const link of topBar.querySelectorAll<HTMLAnchorElement>('a:not([href^="#"])')) {
    link.search = location.search;
  }
}
