/**
 * The single-file build (`dist/jt-users.min.js`): every element defined on load, with the SDK
 * and all dependencies inside, for a plain `<script type="module">` or a CDN. It exports what
 * `@jt-users/elements` exports but the German table: German loads on demand from
 * `jt-users-de.min.js`, next to this file.
 *
 * @example
 * ```html
 * <script type="module">
 *   import { createUsersClient } from './jt-users.min.js';
 *   document.querySelector('jt-user-table').client = createUsersClient({ baseUrl: '/api' });
 * </script>
 * <jt-user-table></jt-user-table>
 * ```
 *
 * @module
 */
import './define.js';

export * from './exports.js';
export { createUsersClient, isUsersApiError, UsersApiError } from '@jt-users/sdk';
