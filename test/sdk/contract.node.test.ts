import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildOpenApiDocument,
  OPENAPI_PATH,
  renderOpenApiDocument,
} from '../../packages/sdk/scripts/openapi-document.js';
import { CONTRACT_MODULE_PATH, renderContractModule } from '../../packages/sdk/scripts/contract-module.js';

test('docs/openapi.json is up to date with the schemas (run `npm run contract`)', async () => {
  const committed = await readFile(OPENAPI_PATH, 'utf8');
  assert.equal(committed, renderOpenApiDocument());
});

test("the SDK's compiled JSON Schemas are up to date with the schemas (run `npm run contract`)", async () => {
  const committed = await readFile(CONTRACT_MODULE_PATH, 'utf8');
  assert.equal(committed, await renderContractModule());
});

test('every path of the contract is documented with its problem answers', () => {
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: object }>> };
  assert.deepEqual(Object.keys(document.paths).sort(), [
    '/v1/me',
    '/v1/users',
    '/v1/users/{id}',
    '/v1/users/{id}/role',
    '/v1/users/{id}/status',
  ]);
  const statusResponses = Object.keys(document.paths['/v1/users/{id}/status']!.put!.responses);
  assert.deepEqual(statusResponses, ['200', '400', '401', '403', '404', '409', '429', 'default']);
});

test('each setter lists the conflicts it can meet: only a status change can be a self-deactivation', () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, { put: { responses: Record<string, { description: string }> } }>;
  };
  const conflict = (path: string) => document.paths[path]!.put.responses['409']!.description;
  assert.match(conflict('/v1/users/{id}/status'), /Codes: `self_deactivation`, `last_admin`\.$/);
  assert.match(conflict('/v1/users/{id}/role'), /Codes: `last_admin`\.$/);
});

test('components reference each other instead of repeating the User schema', () => {
  const document = buildOpenApiDocument() as {
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };
  assert.deepEqual(document.components.schemas.UserPage!.properties.items, {
    type: 'array',
    items: { $ref: '#/components/schemas/User' },
  });
});
