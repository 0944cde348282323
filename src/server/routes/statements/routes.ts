import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { createStatement, createStatementInput } from '../../../app/use-cases/statements/create-statement';
import { listStatements } from '../../../app/use-cases/statements/list-statements';
import { getStatement } from '../../../app/use-cases/statements/get-statement';
import { updateStatement, updateStatementInput } from '../../../app/use-cases/statements/update-statement';
import { transitionStatement, transitionStatementInput } from '../../../app/use-cases/statements/transition-statement';
import {
  migrateStatementEdition,
  migrateStatementInput,
} from '../../../app/use-cases/statements/migrate-statement-edition';
import { listMigrationAttention } from '../../../app/use-cases/statements/list-migration-attention';
import {
  markMigrationAttention,
  markMigrationAttentionInput,
} from '../../../app/use-cases/statements/mark-migration-attention';
import { getCloudService } from '../../../app/use-cases/cloud-services/get-cloud-service';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { AttentionParams, AttentionRow, ListedStatement, MigrationResult, StatementWithReadiness } from './schemas';
import { presentStatement } from './presenter';

const tags = ['Statements'];
const conflict = { 409: errorResponses[400] };

const listForService = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/cloud-services/{id}/statements',
  tags,
  summary: 'Statements (言明書) of a cloud service',
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ statements: z.array(ListedStatement) }), 'Statements'), ...errorResponses },
});
const create = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/cloud-services/{id}/statements',
  tags,
  summary: 'Start a statement of the service against one catalog edition',
  request: { params: IdParam, body: jsonBody(createStatementInput) },
  responses: { 201: jsonOk(StatementWithReadiness, 'Created'), ...errorResponses },
});
const get = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}',
  tags,
  summary: 'A statement: header, service name and readiness summary',
  request: { params: IdParam },
  responses: { 200: jsonOk(StatementWithReadiness, 'Statement'), ...errorResponses },
});
const update = createRoute({
  ...scope('statements', 'write'),
  method: 'patch',
  path: '/statements/{id}',
  tags,
  summary: 'Audit period, previous period, subsequent events, special notes (409 on a stale version)',
  request: { params: IdParam, body: jsonBody(updateStatementInput) },
  responses: { 200: jsonOk(StatementWithReadiness, 'Updated'), ...errorResponses, ...conflict },
});
const transition = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/statements/{id}/transitions',
  tags,
  summary: 'Move the statement along its lifecycle (draft → ready_for_audit → under_audit → audited → superseded)',
  request: { params: IdParam, body: jsonBody(transitionStatementInput) },
  responses: { 200: jsonOk(StatementWithReadiness, 'Moved'), ...errorResponses, ...conflict },
});
const migrate = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/statements/{id}/migrate',
  tags,
  summary: 'Move the statement to another edition: a dry run answers the plan, dryRun false applies it',
  request: { params: IdParam, body: jsonBody(migrateStatementInput) },
  responses: { 200: jsonOk(MigrationResult, 'Plan or result'), ...errorResponses, ...conflict },
});

const attention = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/attention',
  tags,
  summary: 'The items the last edition migration left for a person to look at, and which are ticked off',
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ attention: z.array(AttentionRow) }), 'Attention list'), ...errorResponses },
});
const markAttention = createRoute({
  ...scope('statements', 'write'),
  method: 'patch',
  path: '/statements/{id}/attention/{seq}',
  tags,
  summary: 'Tick one item of the attention list off (done: true) or back on',
  request: { params: AttentionParams, body: jsonBody(markMigrationAttentionInput) },
  responses: { 200: jsonOk(AttentionRow, 'Ticked'), ...errorResponses },
});

export function statementRoutes() {
  const app = apiRouter();
  app.openapi(listForService, async (c) => {
    const ctx = requestCtx(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    const list = await listStatements(deps, ctx, id);
    const service = await getCloudService(deps, ctx, id);
    return c.json(
      {
        statements: list.map((l) => ({ ...presentStatement(l.statement, service, ctx.actor), readiness: l.readiness })),
      },
      200,
    );
  });
  app.openapi(create, async (c) => {
    const ctx = requestCtx(c);
    const deps = c.get('deps');
    const created = await createStatement(deps, ctx, c.req.valid('param').id, c.req.valid('json'));
    const { statement, service, view } = await getStatement(deps, ctx, created.id);
    return c.json({ ...presentStatement(statement, service, ctx.actor), readiness: view.readiness.summary() }, 201);
  });
  app.openapi(get, async (c) => {
    const ctx = requestCtx(c);
    const { statement, service, view } = await getStatement(c.get('deps'), ctx, c.req.valid('param').id);
    return c.json({ ...presentStatement(statement, service, ctx.actor), readiness: view.readiness.summary() }, 200);
  });
  app.openapi(update, async (c) => {
    const ctx = requestCtx(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    await updateStatement(deps, ctx, id, c.req.valid('json'));
    const { statement, service, view } = await getStatement(deps, ctx, id);
    return c.json({ ...presentStatement(statement, service, ctx.actor), readiness: view.readiness.summary() }, 200);
  });
  app.openapi(transition, async (c) => {
    const ctx = requestCtx(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    await transitionStatement(deps, ctx, id, c.req.valid('json'));
    const { statement, service, view } = await getStatement(deps, ctx, id);
    return c.json({ ...presentStatement(statement, service, ctx.actor), readiness: view.readiness.summary() }, 200);
  });
  app.openapi(migrate, async (c) => {
    const result = await migrateStatementEdition(
      c.get('deps'),
      requestCtx(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(result, 200);
  });
  app.openapi(attention, async (c) => {
    const list = await listMigrationAttention(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ attention: list }, 200);
  });
  app.openapi(markAttention, async (c) => {
    const p = c.req.valid('param');
    const row = await markMigrationAttention(c.get('deps'), requestCtx(c), p.id, p.seq, c.req.valid('json'));
    return c.json(row, 200);
  });
  return app;
}
