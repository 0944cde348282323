import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { sessionOnly } from '../../token-scope';
import { createApiToken } from '../../../app/use-cases/api-tokens/create-api-token';
import { listApiTokens } from '../../../app/use-cases/api-tokens/list-api-tokens';
import { revokeApiToken } from '../../../app/use-cases/api-tokens/revoke-api-token';
import { requestCtx } from '../../middleware/request-context';
import { requireRecentAuth } from '../../middleware/recent-auth';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { ApiTokenOut, CreateApiTokenRequest, CreatedApiTokenOut } from './schemas';
import { presentApiToken } from './presenter';

// API tokens are managed by the signed-in person only (a token cannot mint or list tokens).
const tags = ['API tokens'];

const list = createRoute({
  ...sessionOnly,
  method: 'get',
  path: '/auth/tokens',
  tags,
  summary: 'Your API tokens (never the tokens themselves), with their last use',
  responses: { 200: jsonOk(z.object({ tokens: z.array(ApiTokenOut) }), 'Tokens'), ...errorResponses },
});
const create = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/auth/tokens',
  tags,
  summary:
    'Create an API token (needs a recent sign-in or re-authentication); the answer holds the token, shown this once',
  request: { body: jsonBody(CreateApiTokenRequest) },
  responses: {
    201: jsonOk(CreatedApiTokenOut, 'Created'),
    ...errorResponses,
  },
});
const revoke = createRoute({
  ...sessionOnly,
  method: 'delete',
  path: '/auth/tokens/{id}',
  tags,
  summary: 'Revoke an API token: the next request with it is refused',
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
});

export function apiTokenRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    const tokens = await listApiTokens(c.get('deps'), ctx);
    return c.json({ tokens: tokens.map((t) => presentApiToken(t, ctx.actor)) }, 200);
  });
  app.openapi(create, async (c) => {
    // Minting a long-lived credential: a recent proof of identity, like every sensitive action.
    const auth = requireRecentAuth(c);
    const ctx = requestCtx(c);
    const r = await createApiToken(c.get('deps'), ctx, auth.user.id, c.req.valid('json'));
    return c.json({ token: r.token, apiToken: presentApiToken({ ...r.apiToken, state: 'active' }, ctx.actor) }, 201);
  });
  app.openapi(revoke, async (c) => {
    await revokeApiToken(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
