import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { listRemediationItems } from '../../../app/use-cases/remediation/list-remediation-items';
import { getRemediationItem } from '../../../app/use-cases/remediation/get-remediation-item';
import {
  createRemediationInput,
  createRemediationItem,
} from '../../../app/use-cases/remediation/create-remediation-item';
import {
  createRemediationFromBlocker,
  fromBlockerInput,
} from '../../../app/use-cases/remediation/create-remediation-from-blocker';
import {
  updateRemediationInput,
  updateRemediationItem,
} from '../../../app/use-cases/remediation/update-remediation-item';
import { moveRemediationInput, moveRemediationItem } from '../../../app/use-cases/remediation/move-remediation-item';
import { deleteRemediationItem } from '../../../app/use-cases/remediation/delete-remediation-item';
import { entryWithReadiness } from '../../../app/use-cases/remediation/plan-view';
import { planAbilities, presentRemediationItem } from './presenter';
import { RemediationItemWithReadiness, RemediationPlan } from './schemas';

const tags = ['Remediation'];
const conflict = { 409: errorResponses[400] };

const list = createRoute({
  method: 'get',
  path: '/statements/{id}/remediation',
  ...scope('remediation', 'read'),
  tags,
  summary: "The statement's remediation plan (POA&M): items with overdue flags and the state of linked blockers",
  request: { params: IdParam },
  responses: { 200: jsonOk(RemediationPlan, 'Plan'), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/statements/{id}/remediation',
  ...scope('remediation', 'write'),
  tags,
  summary: 'Add an item to the remediation plan (editors of the CSP)',
  request: { params: IdParam, body: jsonBody(createRemediationInput) },
  responses: { 201: jsonOk(RemediationItemWithReadiness, 'Created'), ...errorResponses },
});
const fromBlocker = createRoute({
  method: 'post',
  path: '/statements/{id}/remediation/from-blocker',
  ...scope('remediation', 'write'),
  tags,
  summary: 'Add an item for a blocker readiness reports now, its title and links prefilled (409 if it is gone)',
  request: { params: IdParam, body: jsonBody(fromBlockerInput) },
  responses: { 201: jsonOk(RemediationItemWithReadiness, 'Created'), ...errorResponses, ...conflict },
});
const get = createRoute({
  method: 'get',
  path: '/remediation/{id}',
  ...scope('remediation', 'read'),
  tags,
  summary: 'One remediation item against the statement’s readiness now',
  request: { params: IdParam },
  responses: { 200: jsonOk(RemediationItemWithReadiness, 'Item'), ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/remediation/{id}',
  ...scope('remediation', 'write'),
  tags,
  summary: 'Change an item’s details, milestones or links (409 on a stale version)',
  request: { params: IdParam, body: jsonBody(updateRemediationInput) },
  responses: { 200: jsonOk(RemediationItemWithReadiness, 'Updated'), ...errorResponses, ...conflict },
});
const move = createRoute({
  method: 'post',
  path: '/remediation/{id}/moves',
  ...scope('remediation', 'write'),
  tags,
  summary: 'Move an item within the transition table; completing re-runs readiness and needs its blockers cleared',
  request: { params: IdParam, body: jsonBody(moveRemediationInput) },
  responses: { 200: jsonOk(RemediationItemWithReadiness, 'Moved'), ...errorResponses, ...conflict },
});
const remove = createRoute({
  method: 'delete',
  path: '/remediation/{id}',
  ...scope('remediation', 'write'),
  tags,
  summary: 'Delete an item entered by mistake (editors; the audit log keeps it)',
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ deleted: z.literal(true) }), 'Deleted'), ...errorResponses },
});

export function remediationRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    const r = await listRemediationItems(c.get('deps'), ctx, c.req.valid('param').id);
    return c.json(
      {
        statementId: r.loaded.statement.id,
        items: r.entries.map((e) => presentRemediationItem(e, ctx.actor)),
        readiness: r.readiness,
        abilities: planAbilities(r.loaded.statement.orgId, ctx.actor),
      },
      200,
    );
  });
  const answer = async (
    c: Parameters<Parameters<typeof app.openapi>[1]>[0],
    item: Parameters<typeof entryWithReadiness>[2],
  ) => {
    const ctx = requestCtx(c);
    const r = await entryWithReadiness(c.get('deps'), ctx, item);
    return { item: presentRemediationItem(r.entry, ctx.actor), readiness: r.readiness };
  };
  app.openapi(create, async (c) => {
    const item = await createRemediationItem(
      c.get('deps'),
      requestCtx(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(await answer(c, item), 201);
  });
  app.openapi(fromBlocker, async (c) => {
    const deps = c.get('deps');
    const item = await createRemediationFromBlocker(deps, requestCtx(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await answer(c, item), 201);
  });
  app.openapi(get, async (c) => {
    const ctx = requestCtx(c);
    const r = await getRemediationItem(c.get('deps'), ctx, c.req.valid('param').id);
    return c.json({ item: presentRemediationItem(r.entry, ctx.actor), readiness: r.readiness }, 200);
  });
  app.openapi(update, async (c) => {
    const item = await updateRemediationItem(
      c.get('deps'),
      requestCtx(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(await answer(c, item), 200);
  });
  app.openapi(move, async (c) => {
    const ctx = requestCtx(c);
    const r = await moveRemediationItem(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ item: presentRemediationItem(r.entry, ctx.actor), readiness: r.readiness }, 200);
  });
  app.openapi(remove, async (c) => {
    await deleteRemediationItem(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ deleted: true as const }, 200);
  });
  return app;
}
