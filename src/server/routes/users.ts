import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../openapi';
import { createUser, createUserInput } from '../../app/use-cases/create-user';
import { listUsers } from '../../app/use-cases/list-users';
import { requestCtx } from '../middleware/request-context';
import { User, errorResponses, jsonBody, jsonOk } from '../schemas';
import { presentUser } from '../presenters';

const tags = ['Users'];
const list = createRoute({ method: 'get', path: '/users', tags, summary: 'All users (platform administrators)', responses: { 200: jsonOk(z.object({ users: z.array(User) }), 'Users'), ...errorResponses } });
const create = createRoute({ method: 'post', path: '/users', tags, summary: 'Create a user (platform administrators)', request: { body: jsonBody(createUserInput) }, responses: { 201: jsonOk(User, 'Created'), ...errorResponses, 409: errorResponses[400] } });

export function userRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json({ users: (await listUsers(c.get('deps'), requestCtx(c))).map(presentUser) }, 200));
  app.openapi(create, async (c) => c.json(presentUser(await createUser(c.get('deps'), requestCtx(c), c.req.valid('json'))), 201));
  return app;
}
