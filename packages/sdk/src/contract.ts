/**
 * The contract as JSON Schemas, compiled from the zod schemas in `schemas.ts` by
 * `npm run contract`. Do not edit: a test fails when this file and the schemas disagree.
 *
 * @module
 */
import { USER_ROLES, USER_SORT_ORDERS, USER_STATUSES } from './constants.js';
import type { Schema } from './json-schema.js';
import type { Problem, User, UserPage, UserQuery, UserRole, UserStatus } from './schemas.js';

export const TimestampJson: Schema<string> = { type: 'string', format: 'date-time' };

export const UserIdJson: Schema<string> = { type: 'string', pattern: /^[A-Za-z0-9_-]{1,64}$/ };

export const UserStatusJson: Schema<UserStatus> = { type: 'string', enum: USER_STATUSES };

export const UserRoleJson: Schema<UserRole> = { type: 'string', enum: USER_ROLES };

export const CursorJson: Schema<string> = { type: 'string', minLength: 1, maxLength: 200 };

export const UserJson: Schema<User> = {
  type: 'object',
  properties: {
    id: UserIdJson,
    name: { type: 'string' },
    email: { type: 'string' },
    role: UserRoleJson,
    status: UserStatusJson,
    createdAt: TimestampJson,
    lastLoginAt: { anyOf: [TimestampJson, { type: 'null' }] },
    statusChangedAt: { anyOf: [TimestampJson, { type: 'null' }] },
    statusChangedBy: {
      anyOf: [
        {
          type: 'object',
          properties: { id: UserIdJson, name: { type: 'string' } },
          required: ['id', 'name'],
        },
        { type: 'null' },
      ],
    },
  },
  required: [
    'id',
    'name',
    'email',
    'role',
    'status',
    'createdAt',
    'lastLoginAt',
    'statusChangedAt',
    'statusChangedBy',
  ],
};

export const UserPageJson: Schema<UserPage> = {
  type: 'object',
  properties: {
    items: { type: 'array', items: UserJson },
    nextCursor: { anyOf: [CursorJson, { type: 'null' }] },
    total: { type: 'integer', minimum: 0 },
  },
  required: ['items', 'nextCursor', 'total'],
};

export const ProblemJson: Schema<Problem> = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'code'],
};

export const UserQueryJson: Schema<UserQuery> = {
  type: 'object',
  properties: {
    search: { type: 'string', maxLength: 200 },
    status: UserStatusJson,
    role: UserRoleJson,
    sort: { type: 'string', enum: USER_SORT_ORDERS },
    cursor: CursorJson,
    limit: { type: 'integer', minimum: 1, maximum: 200 },
  },
  additionalProperties: false,
};
