/**
 * `@jt-users/sdk`: a typed client of the jt-users user API for browsers and Node 20+.
 *
 * @example
 * ```ts
 * import { createUsersClient, isUsersApiError } from '@jt-users/sdk';
 *
 * const client = createUsersClient({ baseUrl: '/api', credentials: 'include' });
 * try {
 *   await client.deactivateUser('usr_42');
 * } catch (error) {
 *   if (isUsersApiError(error)) console.warn(error.code, error.message);
 * }
 * ```
 *
 * @module
 */
export { createUsersClient } from './client.js';
export {
  CLIENT_ERROR_CODES,
  UsersApiError,
  isUsersApiError,
  type UsersApiErrorCode,
  type UsersApiErrorDetails,
} from './errors.js';
export type {
  GetTokenOptions,
  RequestOptions,
  RetryOptions,
  UsersClient,
  UsersClientOptions,
} from './types.js';
export * from './constants.js';
export type {
  ApiErrorCode,
  Problem,
  SetRoleBody,
  SetStatusBody,
  User,
  UserPage,
  UserQuery,
  UserRef,
  UserRole,
  UserSort,
  UserStatus,
} from './schemas.js';
export type { JsonSchema, JsonType, Schema } from './json-schema.js';
