import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateApiTypes, generatedTypesFile } from '../../scripts/generate-api-types';

// The web app's API types are generated from the server's OpenAPI document; a schema change without regenerating
// them would let the web app compile against a contract the server no longer keeps.
it('src/web/api/generated/openapi.ts matches the OpenAPI document (run `npm run generate:api` if not)', async () => {
  const committed = readFileSync(generatedTypesFile, 'utf8');
  const fresh = await generateApiTypes();
  if (committed !== fresh) {
    expect.fail('src/web/api/generated/openapi.ts is stale: run `npm run generate:api` and commit the result');
  }
});
