/**
 * `@jt-users/elements`: framework-agnostic custom elements to manage users. This entry only
 * exports; it defines no tags. Import `@jt-users/elements/define` to register them.
 *
 * @module
 */
export * from './exports.js';
/** The German strings; the elements load them by themselves when a page speaks German. */
export { de } from './shared/i18n/de.js';
