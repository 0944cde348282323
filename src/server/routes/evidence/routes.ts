import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { getEvidence, listEvidence } from '../../../app/use-cases/evidence/get-evidence';
import { updateEvidence, updateEvidenceInput } from '../../../app/use-cases/evidence/update-evidence';
import { retireEvidence, retireEvidenceInput } from '../../../app/use-cases/evidence/retire-evidence';
import { evidenceLinkInput, linkEvidence } from '../../../app/use-cases/evidence/link-evidence';
import { statementEvidenceFreshness } from '../../../app/use-cases/evidence/statement-evidence';
import { requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { Evidence, EvidenceDetail, LinkResult, StatementEvidenceFreshness } from './schemas';
import { presentEvidence, presentEvidenceDetail, presentEvidenceList } from './presenter';
import { scope } from '../../token-scope';
import { evidenceLimit } from './files';

const tags = ['Evidence'];

const list = createRoute({
  method: 'get',
  path: '/evidence',
  ...scope('evidence', 'read'),
  tags,
  summary: "The evidence library of the caller's active organization (members of that CSP only)",
  request: {
    query: z.object({
      retired: z.enum(['true', 'false']).default('false'),
      statementId: z
        .uuid()
        .optional()
        .openapi({ description: 'With itemId: only the evidence linked to this statement item (retired included)' }),
      itemId: z.string().trim().min(1).max(64).optional(),
    }),
  },
  responses: {
    200: jsonOk(
      z.object({
        evidence: z.array(Evidence),
        maxFileBytes: z.number().int().openapi({ description: 'The largest file an upload takes (bytes)' }),
        abilities: z.record(z.string(), z.boolean()).openapi({ description: 'create: the caller may add evidence' }),
      }),
      'Evidence, with freshness today, and the upload limit',
    ),
    ...errorResponses,
  },
});
const get = createRoute({
  method: 'get',
  path: '/evidence/{id}',
  ...scope('evidence', 'read'),
  tags,
  summary: 'One evidence with its versions, where it is used and its freshness',
  request: { params: IdParam },
  responses: { 200: jsonOk(EvidenceDetail, 'Evidence'), ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/evidence/{id}',
  ...scope('evidence', 'write'),
  tags,
  summary: 'Change the details of an evidence (editors; 409 on a stale version)',
  request: { params: IdParam, body: jsonBody(updateEvidenceInput) },
  responses: { 200: jsonOk(Evidence, 'Updated'), ...errorResponses, 409: errorResponses[400] },
});
const retire = createRoute({
  method: 'post',
  path: '/evidence/{id}/retire',
  ...scope('evidence', 'write'),
  tags,
  summary: 'Retire an evidence (recorded, never erased; refused while an open audit period uses it)',
  request: { params: IdParam, body: jsonBody(retireEvidenceInput) },
  responses: { 200: jsonOk(Evidence, 'Retired'), ...errorResponses, 409: errorResponses[400] },
});
const link = createRoute({
  method: 'post',
  path: '/evidence/{id}/links',
  ...scope('evidence', 'write'),
  tags,
  summary: 'Link the evidence to a statement item of the same organization (editors)',
  request: { params: IdParam, body: jsonBody(evidenceLinkInput) },
  responses: { 200: jsonOk(LinkResult, 'Linked (changed=false: it was already)'), ...errorResponses },
});
const unlink = createRoute({
  method: 'post',
  path: '/evidence/{id}/links/remove',
  ...scope('evidence', 'write'),
  tags,
  summary: 'Remove a link between the evidence and a statement item (editors)',
  request: { params: IdParam, body: jsonBody(evidenceLinkInput) },
  responses: { 200: jsonOk(LinkResult, 'Unlinked (changed=false: there was no such link)'), ...errorResponses },
});
const freshness = createRoute({
  method: 'get',
  path: '/statements/{id}/evidence-freshness',
  ...scope('statements', 'read'),
  tags,
  summary: "Per in-scope item of a statement: its evidence and whether any is stale for the statement's audit period",
  description: 'Items without evidence and stale evidence are readiness warnings, not blockers.',
  request: { params: IdParam },
  responses: { 200: jsonOk(StatementEvidenceFreshness, 'Freshness by item'), ...errorResponses },
});

export function evidenceRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const ctx = requestCtx(c);
    const q = c.req.valid('query');
    const r = await listEvidence(c.get('deps'), ctx, {
      includeRetired: q.retired === 'true',
      ...(q.statementId && q.itemId ? { linkedTo: { statementId: q.statementId, itemId: q.itemId } } : {}),
    });
    return c.json(presentEvidenceList(r.items, r.orgId, evidenceLimit(c.get('deps')), ctx.actor), 200);
  });
  app.openapi(get, async (c) => {
    const ctx = requestCtx(c);
    const d = await getEvidence(c.get('deps'), ctx, c.req.valid('param').id);
    return c.json(presentEvidenceDetail(d, ctx.actor), 200);
  });
  app.openapi(update, async (c) => {
    const ctx = requestCtx(c);
    const id = c.req.valid('param').id;
    await updateEvidence(c.get('deps'), ctx, id, c.req.valid('json'));
    const d = await getEvidence(c.get('deps'), ctx, id);
    return c.json(presentEvidence(d.evidence, d.freshness, ctx.actor), 200);
  });
  app.openapi(retire, async (c) => {
    const ctx = requestCtx(c);
    const id = c.req.valid('param').id;
    await retireEvidence(c.get('deps'), ctx, id, c.req.valid('json'));
    const d = await getEvidence(c.get('deps'), ctx, id);
    return c.json(presentEvidence(d.evidence, d.freshness, ctx.actor), 200);
  });
  app.openapi(link, async (c) => {
    const ctx = requestCtx(c);
    const r = await linkEvidence(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'), 'link');
    return c.json(r, 200);
  });
  app.openapi(unlink, async (c) => {
    const ctx = requestCtx(c);
    const r = await linkEvidence(c.get('deps'), ctx, c.req.valid('param').id, c.req.valid('json'), 'unlink');
    return c.json(r, 200);
  });
  app.openapi(freshness, async (c) => {
    const r = await statementEvidenceFreshness(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json(r, 200);
  });
  return app;
}
