/**
 * The one localisation mechanism of the elements: string tables per language, host overrides,
 * the language an element is in, and `Intl` formatting in that language.
 *
 * English is part of every build. The other shipped tables load on first use (a dynamic
 * `import()`; in the single-file build, a file next to it), so a page pays only for the
 * languages it shows.
 *
 * @module
 */
import { getOrCreate } from '../get-or-create.js';
import { en, type Strings } from './en.js';

export type { Strings } from './en.js';

/** The languages that ship with the elements. Any other language falls back to English. */
export const BUILT_IN_LANGUAGES = ['en', 'de'] as const;

/** How each shipped table other than English is fetched. */
const loaders: Record<Exclude<(typeof BUILT_IN_LANGUAGES)[number], 'en'>, () => Promise<Strings>> = {
  de: async () => (await import('./de.js')).de,
};

/** Tables that are in: English, and each shipped table once loaded (English if it failed to load). */
const builtIn = new Map<string, Strings>([['en', en]]);
const loads = new Map<string, Promise<void>>();
const overrides = new Map<string, Partial<Strings>>();
const resolved = new Map<string, Strings>();
const listeners = new Set<() => void>();

/** `de-AT` → `de`: tables are chosen by the primary subtag; overrides may use either. */
function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? 'en';
}

/**
 * Replaces some strings of one language, for every element on the page. Connected elements
 * re-render at once. A language without a built-in table starts from English.
 *
 * @example setStrings('de', { deactivateConfirm: 'Sperren' })
 */
export function setStrings(lang: string, strings: Partial<Strings>): void {
  const key = lang.toLowerCase();
  overrides.set(key, { ...overrides.get(key), ...strings });
  resolved.clear();
  notifyLocaleChange();
}

/**
 * The string table of a language as it stands: English, then the shipped table, then overrides.
 * A shipped table that has not loaded yet is asked for here, and English stands in until it is
 * in (then `onLocaleChange` listeners are called); {@link loadStrings} waits for it.
 */
export function stringsFor(lang: string): Strings {
  const key = lang.toLowerCase();
  return getOrCreate(resolved, key, () => {
    const base = primary(key);
    void stringsLoading(base);
    return { ...en, ...builtIn.get(base), ...overrides.get(base), ...overrides.get(key) };
  });
}

/**
 * The complete string table of a language, once its shipped table (if it has one) is loaded.
 * Never rejects: a table that cannot be loaded leaves the language in English.
 *
 * @example const s = await loadStrings('de'); // s.cancel === 'Abbrechen'
 */
export async function loadStrings(lang: string): Promise<Strings> {
  await stringsLoading(lang);
  return stringsFor(lang);
}

/**
 * The load of the shipped table of `lang` while it is on its way, started here on first use;
 * `undefined` when there is nothing to wait for (loaded, failed, or not a shipped language).
 */
export function stringsLoading(lang: string): Promise<void> | undefined {
  const base = primary(lang);
  if (builtIn.has(base) || !Object.hasOwn(loaders, base)) return undefined;
  return getOrCreate(loads, base, () =>
    loaders[base as keyof typeof loaders]().then(
      (table) => settleLoad(base, table),
      // Offline, or a host that copied the bundle without the file next to it: stay English,
      // rather than leave every element of the page waiting or throwing.
      () => settleLoad(base, en),
    ),
  );
}

/**
 * Runs `update` once the strings of `lang` are in: at once, or when its shipped table has loaded.
 * Elements schedule their updates through it, so they never show a moment of the wrong language
 * and `updateComplete` resolves in the right one.
 */
export function afterStringsLoad<T>(lang: string, update: () => T): T | Promise<T> {
  const loading = stringsLoading(lang);
  return loading ? loading.then(update) : update();
}

function settleLoad(base: string, table: Strings): void {
  builtIn.set(base, table);
  loads.delete(base);
  resolved.clear();
  notifyLocaleChange();
}

/**
 * The language of a node: its own or its closest ancestor's `lang` attribute, looking through
 * shadow roots up to the document; `en` when none is set.
 */
export function resolveLang(node: Node): string {
  let current: Node | null = node;
  while (current) {
    const element: Element | null = current instanceof Element ? current : current.parentElement;
    const withLang: Element | null | undefined = element?.closest('[lang]');
    const value = withLang?.getAttribute('lang');
    if (value) return value;
    const root: Node = (withLang ?? element ?? current).getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return 'en';
}

let langObserver: MutationObserver | undefined;
const LANG_CHANGES: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

/**
 * Calls `listener` when strings are overridden or a `lang` attribute in the document changes,
 * or in the shadow roots around `node` (a host app built of custom elements). The observer is
 * created on the first subscription, never at import time.
 */
export function onLocaleChange(listener: () => void, node?: Node): () => void {
  listeners.add(listener);
  if (!langObserver && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    langObserver = new MutationObserver(notifyLocaleChange);
    langObserver.observe(document.documentElement, LANG_CHANGES);
  }
  // Observing a root again only renews the same observation.
  for (let root = node?.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    langObserver?.observe(root, LANG_CHANGES);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  };
}

function notifyLocaleChange(): void {
  for (const listener of [...listeners]) listener();
}

/** `Intl` throws on a malformed language tag; a page's typo must not break the element. */
function safeLang(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** How each format is built, for a locale. */
const FORMATS = {
  number: (locale: string) => new Intl.NumberFormat(locale),
  date: (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
  dateTime: (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
};

type Format = keyof typeof FORMATS;

/**
 * Building an `Intl` formatter costs about a hundred times more than using one, and a table
 * formats a date in every row: keep one formatter per language and format.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<F extends Format>(lang: string, format: F): ReturnType<(typeof FORMATS)[F]> {
  const key = `${lang}|${format}`;
  const cached = getOrCreate(formatters, key, () => FORMATS[format](safeLang(lang)));
  return cached as ReturnType<(typeof FORMATS)[F]>;
}

/**
 * Builds the formatters of `lang` before they are needed. A page's first `Intl` formatter loads
 * the engine's locale data, which takes 10 to 20 ms: paid while the page waits for the
 * elements' data, it no longer holds up their first render.
 */
export function prepareFormatters(lang: string): void {
  for (const format in FORMATS) formatter(lang, format as Format);
}

/** Formats a number for a language, e.g. `1,234` / `1.234`. */
export function formatNumber(value: number, lang: string): string {
  return formatter(lang, 'number').format(value);
}

/** Formats an ISO timestamp as a medium date and short time for a language. */
export function formatDateTime(iso: string, lang: string): string {
  return formatter(lang, 'dateTime').format(new Date(iso));
}

/** Formats an ISO timestamp as a medium date for a language. */
export function formatDate(iso: string, lang: string): string {
  return formatter(lang, 'date').format(new Date(iso));
}

/**
 * Wraps user data in Unicode isolates (FSI … PDI) before it goes into a sentence, so a
 * right-to-left or direction-overriding name cannot reorder the words around it
 * ("… will no longer be able to log in." must read the same whatever the name holds).
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
