/**
 * `npm run contract`: writes what is generated from the zod schemas, `docs/openapi.json` and the
 * SDK's `src/contract.ts`. Tests fail when either is stale.
 */
import { writeFile } from 'node:fs/promises';
import { CONTRACT_MODULE_PATH, renderContractModule } from './contract-module.js';
import { renderOpenApiDocument } from './openapi-document.js';

export const OPENAPI_PATH = new URL('../../../docs/openapi.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(OPENAPI_PATH, renderOpenApiDocument());
  console.log(`Wrote ${OPENAPI_PATH.pathname}`);
  await writeFile(CONTRACT_MODULE_PATH, await renderContractModule());
  console.log(`Wrote ${CONTRACT_MODULE_PATH.pathname}`);
}
