/**
 * The jt-users HTTP contract implemented once, for any environment: the in-memory store with
 * every rule, fault injection, a fetch-style handler and msw handlers. No Node built-ins here;
 * `@jt-users/reference-api/node` adds the real server, `@jt-users/reference-api/browser` the
 * service worker.
 *
 * @example
 * ```ts
 * import { createReferenceApi, demoTokens } from '@jt-users/reference-api';
 *
 * const api = createReferenceApi();
 * const response = await api.handle(
 *   new Request('http://localhost/v1/users?status=inactive', {
 *     headers: { authorization: `Bearer ${demoTokens.admin}` },
 *   }),
 * );
 * ```
 *
 * @module
 */
export {
  createReferenceApi,
  contractPath,
  type ReferenceApi,
  type ReferenceApiOptions,
  type RequestContext,
} from './api.js';
export { createHandlers } from './handlers.js';
export {
  DROP,
  FaultInjector,
  type FailOptions,
  type Fault,
  type FaultMatch,
  type FaultOptions,
  type MalformKind,
} from './faults.js';
export { RateLimiter, type RateLimit } from './rate-limit.js';
export { UserStore, type UserChange, type UserStoreOptions } from './store.js';
export {
  createSeedUsers,
  DEFAULT_SEED_SIZE,
  MIN_SEED_SIZE,
  SEED_REFERENCE_DATE,
  type SeedOptions,
} from './seed.js';
export { createDemoTokenTable, demoTokens, demoUserIds, SESSION_COOKIE, type DemoToken } from './tokens.js';
export { ApiProblemError, createProblem, PROBLEM_TYPE_BASE, type ProblemCode } from './problems.js';
export { CONTROL_PREFIX, FaultControlSchema, handleControl, type FaultControlBody } from './control.js';
