/** `npm run openapi`: writes docs/openapi.json from the schemas. A test fails when it is stale. */
import { writeFile } from 'node:fs/promises';
import { renderOpenApiDocument } from './openapi-document.js';

export const OPENAPI_PATH = new URL('../../../docs/openapi.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(OPENAPI_PATH, renderOpenApiDocument());
  console.log(`Wrote ${OPENAPI_PATH.pathname}`);
}
