/**
 * `npm run contract`: writes what is generated from the zod schemas, `docs/openapi.json` and the
 * SDK's `src/contract.ts`. Tests fail when either is stale.
 */
import { writeFile } from 'node:fs/promises';
import { CONTRACT_MODULE_PATH, renderContractModule } from './contract-module.js';
import { OPENAPI_PATH, renderOpenApiDocument } from './openapi-document.js';

await writeFile(OPENAPI_PATH, renderOpenApiDocument());
console.log(`Wrote ${OPENAPI_PATH.pathname}`);
await writeFile(CONTRACT_MODULE_PATH, await renderContractModule());
console.log(`Wrote ${CONTRACT_MODULE_PATH.pathname}`);
