/** The demo hosts' own words, in each language the demo offers; the elements bring theirs. */
export const HOST_TEXT = {
  en: { title: 'User Management', profileTitle: 'User information', back: '← Back to User Management' },
  de: {
    title: 'Benutzerverwaltung',
    profileTitle: 'Benutzerinformationen',
    back: '← Zurück zur Benutzerverwaltung',
  },
} as const;

/** A language of the demo, as in `<html lang>`. */
export type Language = keyof typeof HOST_TEXT;

/** The language the page shows now. */
export function language(): Language {
  return document.documentElement.lang === 'de' ? 'de' : 'en';
}
