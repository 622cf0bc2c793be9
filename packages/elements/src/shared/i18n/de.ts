/**
 * German strings. Typed against {@link Strings}, so every key of the English table is here.
 *
 * @module
 */
import type { UserRole, UserStatus } from '@jt-users/sdk';
import type { Strings, UserField } from './en.js';

const roles: Record<UserRole, string> = {
  admin: 'Admin',
  manager: 'Manager',
  member: 'Mitglied',
  external: 'Extern',
};

const fields: Record<UserField, string> = {
  name: 'Name',
  email: 'E-Mail',
  role: 'Rolle',
  status: 'Status',
  createdAt: 'Erstellt',
  lastLoginAt: 'Letzte Anmeldung',
  statusChangedAt: 'Status zuletzt geändert',
};

export const de: Strings = {
  role: (role: UserRole) => roles[role],
  status: (status: UserStatus) => (status === 'active' ? 'Aktiv' : 'Inaktiv'),
  field: (field) => fields[field],
  never: 'Nie',
  loading: 'Wird geladen …',
  saving: 'Wird gespeichert …',
  retry: 'Erneut versuchen',
  cancel: 'Abbrechen',
  confirm: 'Bestätigen',
  you: 'Sie',
  notConfigured: 'Für dieses Element ist keine Benutzer-API eingerichtet.',
  accessChecking: 'Ihre Berechtigung wird geprüft …',
  accessDenied: (role) => `Sie sind als ${role} angemeldet. Nur Admins können Benutzer sehen und ändern.`,
  accessDeniedUnknown: 'Nur Admins können Benutzer sehen und ändern.',
  accessError: 'Ihre Berechtigung konnte nicht geprüft werden.',
  userLoadError: 'Der Benutzer konnte nicht geladen werden.',
  userInvalid:
    'Die Angaben zu diesem Benutzer sind unvollständig oder fehlerhaft und werden nicht angezeigt.',
  selfDeactivationHint: 'Das ist Ihr eigenes Konto. Sie können sich nicht selbst deaktivieren.',

  deactivateHeading: (name) => `${name} deaktivieren?`,
  deactivateMessage: (name) => `${name} wird sich nicht mehr anmelden können.`,
  deactivateConfirm: 'Deaktivieren',
  activateHeading: (name) => `${name} aktivieren?`,
  activateMessage: (name, role) => `${name} wird sich wieder als ${role} anmelden können.`,
  activateConfirm: 'Aktivieren',
  roleHeading: (name) => `Rolle von ${name} ändern?`,
  roleMessage: (name, from, to) =>
    `${name} wechselt von ${from} zu ${to} und erhält die Berechtigungen dieser Rolle.`,
  roleMessageSelf: (to) =>
    `Sie werden ${to} und können Benutzer dann nicht mehr sehen oder ändern. Nur ein anderer Admin kann das rückgängig machen.`,
  roleConfirm: 'Rolle ändern',

  announceActivated: (name) => `${name} wurde aktiviert.`,
  announceDeactivated: (name) => `${name} wurde deaktiviert.`,
  announceRoleChanged: (name, role) => `${name} ist jetzt ${role}.`,
  announceNotChanged: (name) => `${name} wurde nicht geändert.`,

  errorForbidden: 'Sie dürfen keine Benutzer ändern. Das können nur Admins.',
  errorNotFound: 'Diesen Benutzer gibt es nicht mehr.',
  errorSelfDeactivation: 'Sie können Ihr eigenes Konto nicht deaktivieren.',
  errorLastAdmin:
    'Nach dieser Änderung hätte die Organisation keinen aktiven Admin mehr. Machen Sie zuerst einen anderen Benutzer zum Admin.',
  errorRateLimited: (seconds, formatted) =>
    seconds === 0
      ? 'Zu viele Anfragen. Versuchen Sie es gleich noch einmal.'
      : `Zu viele Anfragen. Versuchen Sie es in ${seconds === 1 ? 'einer Sekunde' : `${formatted} Sekunden`} noch einmal.`,
  errorUnauthenticated: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  errorInvalidRequest: 'Der Server hat die Anfrage als ungültig abgelehnt.',
  errorNetwork: 'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  errorTimeout: 'Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
  errorInvalidResponse: 'Die Antwort des Servers war nicht verständlich.',
  errorServer: 'Der Server hatte ein Problem. Versuchen Sie es später erneut.',
  errorUnknown: 'Etwas ist schiefgegangen. Versuchen Sie es erneut.',

  switchName: (name) => `${name} kann sich anmelden`,

  tableCaption: 'Benutzer',
  columnAction: 'Aktion',
  searchLabel: 'Benutzer suchen',
  searchPlaceholder: 'Name oder E-Mail',
  filterAll: 'Alle',
  sortAscending: (column) => `Nach ${column} aufsteigend sortieren`,
  sortDescending: (column) => `Nach ${column} absteigend sortieren`,
  userCount: (count, formatted) => (count === 1 ? '1 Benutzer' : `${formatted} Benutzer`),
  shownOfTotal: (shown, total) => `${shown} von ${total} angezeigt`,
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  noUsers: 'Es gibt noch keine Benutzer.',
  pageEmpty: 'Auf dieser Seite gibt es keine weiteren Benutzer.',
  noMatches: 'Keine Benutzer passen zu Suche und Filter.',
  listLoadError: 'Die Benutzer konnten nicht geladen werden.',
  actionDeactivate: (name) => `${name} deaktivieren`,
  actionActivate: (name) => `${name} aktivieren`,
  selfActionHint: 'Sie können sich nicht selbst deaktivieren.',

  profileHeading: 'Profil',
  rolesHeading: 'Rollen und Berechtigungen',
  extraSettingsHeading: 'Weitere Einstellungen',
  statusChangedBy: (date, name) => `${date} von ${name}`,
  roleDescription: (role) =>
    ({
      admin: 'Kann Benutzer sehen, anlegen und ändern und alles, was ein Manager kann.',
      manager: 'Kann Inhalte und Einstellungen der Plattform verwalten, aber keine Benutzer.',
      member: 'Kann die Plattform mit den üblichen Berechtigungen nutzen.',
      external: 'Sieht nur, was mit ihm geteilt wird.',
    })[role],
  statusDescription: (status) =>
    status === 'active'
      ? 'Kann sich mit den Berechtigungen der Rolle anmelden.'
      : 'Kann sich gar nicht anmelden.',
  profileNoUser: 'Es ist kein Benutzer ausgewählt.',
  profileNotFound: 'Es gibt keinen Benutzer mit dieser ID. Prüfen Sie den Link, der hierher geführt hat.',
  rolesIntro:
    'Die Rolle bestimmt, was ein Benutzer tun kann. Um einen Benutzer einzuschränken, ohne ihn zu deaktivieren, geben Sie ihm eine andere Rolle.',
  extraSettingsIntro:
    'Ein inaktiver Benutzer kann sich gar nicht anmelden. Benutzer werden nie gelöscht: Sie können sie jederzeit wieder aktivieren.',
};
