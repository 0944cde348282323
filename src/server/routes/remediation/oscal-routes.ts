import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { exportRemediationPlan } from '../../../app/use-cases/remediation/export-remediation-plan';
import { importRemediationPlan } from '../../../app/use-cases/remediation/import-remediation-plan';
import { oscalToRemediationPlan, remediationPlanToOscal } from '../../../formats/oscal-poam';
import { RemediationImportResult } from './schemas';

const tags = ['Remediation'];

const exportOscal = createRoute({
  method: 'get',
  path: '/statements/{id}/remediation/export.oscal.json',
  ...scope('remediation', 'read'),
  tags,
  summary: 'The remediation plan as an OSCAL 1.1.3 plan-of-action-and-milestones (valid against NIST’s schema)',
  request: { params: IdParam },
  responses: {
    200: jsonOk(z.record(z.string(), z.unknown()), 'OSCAL POA&M'),
    ...errorResponses,
    409: errorResponses[400],
  },
});
const importOscal = createRoute({
  method: 'post',
  path: '/statements/{id}/remediation/import',
  ...scope('remediation', 'write'),
  tags,
  summary: 'Import an OSCAL plan-of-action-and-milestones into the plan (items with a known uuid are updated)',
  description:
    'Checked whole first: any problem answers 422 with every issue at its JSON path, and nothing is written.',
  request: {
    params: IdParam,
    query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
    body: jsonBody(z.record(z.string(), z.unknown()).openapi({ description: 'An OSCAL POA&M document (JSON)' })),
  },
  responses: { 200: jsonOk(RemediationImportResult, 'Imported'), ...errorResponses, 422: errorResponses[400] },
});

export function remediationOscalRoutes() {
  const app = apiRouter();
  app.openapi(exportOscal, async (c) => {
    const r = await exportRemediationPlan(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    const doc = remediationPlanToOscal({
      statementId: r.loaded.statement.id,
      title: `${r.loaded.service.name.en || r.loaded.service.name.ja} — remediation plan (POA&M)`,
      lastModified: r.exportedAt,
      items: r.items,
    });
    c.header('Content-Disposition', `attachment; filename="poam-${r.loaded.statement.id}.json"`);
    return c.json(doc, 200);
  });
  app.openapi(importOscal, async (c) => {
    const drafts = oscalToRemediationPlan(c.req.valid('json'));
    const dryRun = c.req.valid('query').dryRun === 'true';
    const r = await importRemediationPlan(c.get('deps'), requestCtx(c), c.req.valid('param').id, drafts, { dryRun });
    return c.json({ created: r.created, updated: r.updated, dryRun }, 200);
  });
  return app;
}
