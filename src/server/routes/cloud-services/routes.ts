import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import {
  createCloudService,
  createCloudServiceInput,
} from '../../../app/use-cases/cloud-services/create-cloud-service';
import {
  updateCloudService,
  updateCloudServiceInput,
} from '../../../app/use-cases/cloud-services/update-cloud-service';
import { getCloudService } from '../../../app/use-cases/cloud-services/get-cloud-service';
import { listCloudServices } from '../../../app/use-cases/cloud-services/list-cloud-services';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { CloudService } from './schemas';
import { presentCloudService } from './presenter';

const tags = ['Cloud services'];

const list = createRoute({
  ...scope('cloud-services', 'read'),
  method: 'get',
  path: '/cloud-services',
  tags,
  summary: "Cloud service offerings of the caller's active organization",
  responses: { 200: jsonOk(z.object({ services: z.array(CloudService) }), 'Services'), ...errorResponses },
});
const create = createRoute({
  ...scope('cloud-services', 'write'),
  method: 'post',
  path: '/cloud-services',
  tags,
  summary: 'Create a cloud service offering (editors of a CSP organization)',
  request: { body: jsonBody(createCloudServiceInput) },
  responses: { 201: jsonOk(CloudService, 'Created'), ...errorResponses },
});
const get = createRoute({
  ...scope('cloud-services', 'read'),
  method: 'get',
  path: '/cloud-services/{id}',
  tags,
  summary: 'One cloud service offering with its scope',
  request: { params: IdParam },
  responses: { 200: jsonOk(CloudService, 'Service'), ...errorResponses },
});
const update = createRoute({
  ...scope('cloud-services', 'write'),
  method: 'patch',
  path: '/cloud-services/{id}',
  tags,
  summary: 'Change names, model, track, scope or owners (409 on a stale version)',
  request: { params: IdParam, body: jsonBody(updateCloudServiceInput) },
  responses: { 200: jsonOk(CloudService, 'Updated'), ...errorResponses, 409: errorResponses[400] },
});

export function cloudServiceRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    const services = await listCloudServices(c.get('deps'), ctx);
    return c.json({ services: services.map((s) => presentCloudService(s, ctx.actor)) }, 200);
  });
  app.openapi(create, async (c) => {
    const ctx = requestCtx(c);
    const s = await createCloudService(c.get('deps'), ctx, c.req.valid('json'));
    return c.json(presentCloudService(s, ctx.actor), 201);
  });
  app.openapi(get, async (c) => {
    const ctx = requestCtx(c);
    const s = await getCloudService(c.get('deps'), ctx, c.req.valid('param').id);
    return c.json(presentCloudService(s, ctx.actor), 200);
  });
  app.openapi(update, async (c) => {
    const ctx = requestCtx(c);
    const s = await updateCloudService(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentCloudService(s, ctx.actor), 200);
  });
  return app;
}
