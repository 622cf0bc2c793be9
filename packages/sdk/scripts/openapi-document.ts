/**
 * Builds the OpenAPI 3.1 document of the contract from the zod schemas, so the document can
 * never say something the SDK and the reference API do not enforce.
 */
import * as z from 'zod/mini';
import {
  API_ERROR_CODES,
  DEFAULT_PAGE_SIZE,
  ProblemSchema,
  SetRoleBodySchema,
  SetStatusBodySchema,
  UserIdSchema,
  UserPageSchema,
  UserQuerySchema,
  UserSchema,
} from '@jt-users/sdk/schemas';

type JsonObject = Record<string, unknown>;

/** Where the document is committed. */
export const OPENAPI_PATH = new URL('../../../docs/openapi.json', import.meta.url);

const components = z.registry<{ id: string }>();
components.add(UserSchema, { id: 'User' });
components.add(UserPageSchema, { id: 'UserPage' });
components.add(SetStatusBodySchema, { id: 'SetStatusBody' });
components.add(SetRoleBodySchema, { id: 'SetRoleBody' });
components.add(ProblemSchema, { id: 'Problem' });

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonObject) => ({ 'application/json': { schema } });

interface ProblemStatus {
  description: string;
  codes: string[];
}

const problems: Record<string, ProblemStatus> = {
  '400': { description: 'A parameter or body that does not fit the contract.', codes: ['invalid_request'] },
  '401': { description: 'No or expired credentials.', codes: ['unauthenticated'] },
  '403': { description: 'The caller is not an Admin.', codes: ['forbidden'] },
  '404': { description: 'No such user.', codes: ['not_found'] },
  '429': { description: 'Too many requests; `Retry-After` says when to try again.', codes: ['rate_limited'] },
};

/** The conflicts each setter can meet: only a status change can be an Admin deactivating themself. */
const conflicts = {
  status: {
    description: 'The change breaks a rule: an Admin deactivating themself, or no active Admin left.',
    codes: ['self_deactivation', 'last_admin'],
  },
  role: {
    description: 'The change breaks a rule: no active Admin would be left.',
    codes: ['last_admin'],
  },
} satisfies Record<string, ProblemStatus>;

/** The problem answers of `statuses`; `own` describes statuses whose meaning depends on the call. */
function problemResponses(statuses: string[], own: Record<string, ProblemStatus> = {}): JsonObject {
  return Object.fromEntries(
    statuses.map((status) => {
      const problem = own[status] ?? problems[status]!;
      const description = `${problem.description} Codes: ${problem.codes.map((c) => `\`${c}\``).join(', ')}.`;
      const response: JsonObject = {
        description,
        content: { 'application/problem+json': { schema: ref('Problem') } },
      };
      if (status === '429') response.headers = { 'Retry-After': { schema: { type: 'integer', minimum: 0 } } };
      return [status, response];
    }),
  );
}

/**
 * A schema to nest in the document: without its own dialect (the document's is 2020-12) or `$id`
 * (a component is named by its place, and an `$id` may not be a fragment).
 */
function nested(schema: unknown): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
  return rest;
}

const userId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: nested(z.toJSONSchema(UserIdSchema, { target: 'draft-2020-12' })),
};

/**
 * What any operation may also answer, outside the statuses listed: a problem of the same shape,
 * e.g. 405 (with `Allow`) for a method the path does not take, or a 5xx. A client judges it by
 * its status.
 */
const otherProblems = {
  default: {
    description: 'Any other failure, e.g. 405 for a method the path does not take, or a 5xx.',
    content: { 'application/problem+json': { schema: ref('Problem') } },
  },
};

function queryParameters(): JsonObject[] {
  const schema = z.toJSONSchema(UserQuerySchema, { io: 'input' }) as {
    properties: Record<string, JsonObject>;
  };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: name === 'limit' ? { ...property, default: DEFAULT_PAGE_SIZE } : property,
  }));
}

function setter(summary: string, body: string, conflict: ProblemStatus): JsonObject {
  return {
    put: {
      summary,
      description:
        'Sets a target value; never toggles. Setting the value the user already has succeeds and changes nothing, so a retry is always safe.',
      parameters: [userId],
      requestBody: { required: true, content: json(ref(body)) },
      responses: {
        '200': { description: 'The updated user.', content: json(ref('User')) },
        ...problemResponses(['400', '401', '403', '404', '409', '429'], { '409': conflict }),
        ...otherProblems,
      },
    },
  };
}

/** The whole OpenAPI 3.1 document, as a plain JSON value. */
export function buildOpenApiDocument(): JsonObject {
  // In input mode: an answer may carry fields the contract does not name (clients ignore them),
  // so only the request bodies, strict objects, forbid others.
  const { schemas } = z.toJSONSchema(components, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'jt-users user API',
      version: '1.0.0',
      description:
        'Admins activate and deactivate users and change their roles. Users are never deleted. Only Admins may read or change users.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }, { cookie: [] }],
    paths: {
      '/v1/me': {
        get: {
          summary: 'The signed-in user',
          responses: {
            '200': { description: 'The signed-in user.', content: json(ref('User')) },
            ...problemResponses(['401', '429']),
            ...otherProblems,
          },
        },
      },
      '/v1/users': {
        get: {
          summary: 'Search, filter, sort and page through users',
          parameters: queryParameters(),
          responses: {
            '200': { description: 'One page of users.', content: json(ref('UserPage')) },
            ...problemResponses(['400', '401', '403', '429']),
            ...otherProblems,
          },
        },
      },
      '/v1/users/{id}': {
        get: {
          summary: 'One user',
          parameters: [userId],
          responses: {
            '200': { description: 'The user.', content: json(ref('User')) },
            ...problemResponses(['400', '401', '403', '404', '429']),
            ...otherProblems,
          },
        },
      },
      '/v1/users/{id}/status': setter('Activate or deactivate a user', 'SetStatusBody', conflicts.status),
      '/v1/users/{id}/role': setter("Change a user's role", 'SetRoleBody', conflicts.role),
    },
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, nested(schema)])),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'jt_session' },
      },
    },
    'x-error-codes': API_ERROR_CODES,
  };
}

/** The document as committed: stable key order, two-space indent, final newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
