import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { sessionOnly } from '../../token-scope';
import { createUser, createUserInput } from '../../../app/use-cases/users/create-user';
import { listUsers } from '../../../app/use-cases/users/list-users';
import { setUserDisabled } from '../../../app/use-cases/users/set-user-disabled';
import { resetUserPassword, resetUserPasswordInput } from '../../../app/use-cases/users/reset-user-password';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, User, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { presentListedUser, presentUser } from './presenter';

const tags = ['Users'];
const list = createRoute({
  ...sessionOnly,
  method: 'get',
  path: '/users',
  tags,
  summary: 'All users (platform administrators)',
  responses: { 200: jsonOk(z.object({ users: z.array(User) }), 'Users'), ...errorResponses },
});
const create = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a user (platform administrators)',
  request: { body: jsonBody(createUserInput) },
  responses: { 201: jsonOk(User, 'Created'), ...errorResponses, 409: errorResponses[400] },
});

const disable = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/users/{id}/disable',
  tags,
  summary: 'Disable a user: no sign-in, every session ends (platform administrators)',
  request: { params: IdParam },
  responses: { 200: jsonOk(User, 'Disabled'), ...errorResponses },
});
const enable = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/users/{id}/enable',
  tags,
  summary: 'Enable a disabled user again (platform administrators)',
  request: { params: IdParam },
  responses: { 200: jsonOk(User, 'Enabled'), ...errorResponses },
});
const resetPassword = createRoute({
  ...sessionOnly,
  method: 'put',
  path: '/users/{id}/password',
  tags,
  summary: "Set another user's password; their sessions end (platform administrators)",
  request: { params: IdParam, body: jsonBody(resetUserPasswordInput) },
  responses: { 200: jsonOk(z.object({ revokedSessions: z.number().int() }), 'Reset'), ...errorResponses },
});

export function userRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    return c.json({ users: (await listUsers(c.get('deps'), ctx)).map((u) => presentListedUser(u, ctx.actor)) }, 200);
  });
  app.openapi(create, async (c) =>
    c.json(presentUser(await createUser(c.get('deps'), requestCtx(c), c.req.valid('json'))), 201),
  );
  app.openapi(disable, async (c) =>
    c.json(presentUser(await setUserDisabled(c.get('deps'), requestCtx(c), c.req.valid('param').id, true)), 200),
  );
  app.openapi(enable, async (c) =>
    c.json(presentUser(await setUserDisabled(c.get('deps'), requestCtx(c), c.req.valid('param').id, false)), 200),
  );
  app.openapi(resetPassword, async (c) =>
    c.json(await resetUserPassword(c.get('deps'), requestCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
