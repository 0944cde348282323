import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { getStatement } from '../../../app/use-cases/statements/get-statement';
import { getStatementItem } from '../../../app/use-cases/statements/get-statement-item';
import { putStatementItem, putStatementItemInput } from '../../../app/use-cases/statements/put-statement-item';
import { bulkUpdateItems, bulkUpdateItemsInput } from '../../../app/use-cases/statements/bulk-update-items';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { Blocker, ItemParams, ReadinessSummary, StatementItem, StatementItemDetail } from './schemas';
import { presentBlockers, presentItem, presentItems } from './presenter';

const tags = ['Statements'];

const listItems = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/items',
  tags,
  summary: 'Every criteria item of the statement in document order, with its answer and blockers',
  request: { params: IdParam },
  responses: {
    200: jsonOk(z.object({ items: z.array(StatementItem), itemsRevision: z.number().int() }), 'Items'),
    ...errorResponses,
  },
});
const getItem = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/items/{itemId}',
  tags,
  summary: 'One item: criteria text ja/en, the full answer with its revisions, its version',
  request: { params: ItemParams },
  responses: { 200: jsonOk(StatementItemDetail, 'Item'), ...errorResponses },
});
const putItem = createRoute({
  ...scope('statements', 'write'),
  method: 'put',
  path: '/statements/{id}/items/{itemId}',
  tags,
  summary: 'Save one answer; a stale version answers 409 item_version_conflict with details.current',
  request: { params: ItemParams, body: jsonBody(putStatementItemInput) },
  responses: { 200: jsonOk(StatementItemDetail, 'Saved'), ...errorResponses, 409: errorResponses[400] },
});
const bulk = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/statements/{id}/items/bulk',
  tags,
  summary: 'Set selection, status, owner or reason on many items: one transaction, one audit event',
  request: { params: IdParam, body: jsonBody(bulkUpdateItemsInput) },
  responses: {
    200: jsonOk(z.object({ changed: z.number().int(), items: z.array(StatementItem) }), 'Changed'),
    ...errorResponses,
    409: errorResponses[400],
  },
});
const readiness = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/readiness',
  tags,
  summary: 'Readiness for registration: counts by tier and clause, and every blocker with what clears it',
  request: { params: IdParam },
  responses: {
    200: jsonOk(z.object({ summary: ReadinessSummary, blockers: z.array(Blocker) }), 'Readiness'),
    ...errorResponses,
  },
});

export function statementItemRoutes() {
  const app = apiRouter();
  app.openapi(listItems, async (c) => {
    const { statement, view } = await getStatement(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ items: presentItems(view), itemsRevision: statement.itemsRevision }, 200);
  });
  app.openapi(getItem, async (c) => {
    const p = c.req.valid('param');
    const { view } = await getStatementItem(c.get('deps'), requestCtx(c), p.id, p.itemId);
    return c.json(presentItem(view, p.itemId), 200);
  });
  app.openapi(putItem, async (c) => {
    const p = c.req.valid('param');
    const { view } = await putStatementItem(c.get('deps'), requestCtx(c), p.id, p.itemId, c.req.valid('json'));
    return c.json(presentItem(view, p.itemId), 200);
  });
  app.openapi(bulk, async (c) => {
    const { changed, answers, view } = await bulkUpdateItems(
      c.get('deps'),
      requestCtx(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    const wanted = new Set(answers.map((a) => a.itemId));
    return c.json({ changed, items: presentItems(view).filter((i) => wanted.has(i.id)) }, 200);
  });
  app.openapi(readiness, async (c) => {
    const { view } = await getStatement(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ summary: view.readiness.summary(), blockers: presentBlockers(view) }, 200);
  });
  return app;
}
