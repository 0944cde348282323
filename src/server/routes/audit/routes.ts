import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { stream } from 'hono/streaming';
import { queryAuditLog } from '../../../app/use-cases/audit/query-audit-log';
import { verifyAuditChain } from '../../../app/use-cases/audit/verify-audit-chain';
import { recordAuditExport } from '../../../app/use-cases/audit/record-audit-export';
import { authorize, platformPolicy } from '../../../core/policies';
import { canonicalJson } from '../../../core/canonical-json';
import { requestCtx } from '../../middleware/request-context';
import { requireRecentAuth } from '../../middleware/recent-auth';
import { AuditEvent, errorResponses, jsonOk } from '../../schemas';

const tags = ['Audit log'];

const Filter = z.object({
  action: z.string().max(100).optional().openapi({
    description:
      "Exact action, or a pattern where * matches any run of characters ('organization.*', 'session.sign_in*')",
  }),
  actorUserId: z.uuid().optional(),
  orgId: z
    .uuid()
    .optional()
    .openapi({ description: 'Events performed for this organization (required for organization admins)' }),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const PageQuery = Filter.extend({
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Cursor: only events with seq below this (newest first)' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const list = createRoute({
  ...scope('audit', 'read'),
  method: 'get',
  path: '/audit-events',
  tags,
  summary: 'Browse the audit log, newest first',
  request: { query: PageQuery },
  responses: {
    200: jsonOk(
      z.object({
        events: z.array(AuditEvent),
        total: z.number().int(),
        nextBefore: z.number().int().nullable(),
        actors: z
          .record(z.string(), z.string())
          .openapi({ description: 'Display name and email of each actor on this page' }),
      }),
      'A page of events',
    ),
    ...errorResponses,
  },
});
const exportRoute = createRoute({
  ...scope('audit', 'read'),
  method: 'get',
  path: '/audit-events/export',
  tags,
  summary: 'Export the (filtered) audit log as JSON Lines, oldest first',
  description:
    'Signed-in people need a recent proof of identity (sign-in or POST /auth/reauthenticate within the last 10 ' +
    'minutes; otherwise 403 with `reason: reauthentication_required`). An API token with the `audit:read` scope ' +
    'may export without one: a machine export (a SIEM pulling the log) is what the scope is for, and the token ' +
    'was itself created behind a re-authentication. Every export is recorded in the audit log.',
  request: { query: Filter },
  responses: {
    200: {
      description: 'One canonical JSON event per line',
      content: { 'application/x-ndjson': { schema: z.string() } },
    },
    ...errorResponses,
    403: {
      description:
        'Not allowed; `reason: reauthentication_required` for a session whose last proof of identity is too old, ' +
        '`token_scope_missing` for a token without audit:read',
      content: errorResponses[403].content,
    },
  },
});
const VerifyResult = z.object({
  ok: z.boolean().openapi({ description: 'The chain is intact, its head row agrees, and every checkpoint matches' }),
  checked: z.number().int(),
  head: z.string().nullable(),
  broken: z
    .object({
      position: z.number(),
      seq: z.number(),
      id: z.string(),
      reason: z.enum([
        'hash_mismatch',
        'prev_hash_mismatch',
        'sequence_gap',
        'format_downgrade',
        'head_mismatch',
        'head_missing',
      ]),
      expected: z.string(),
      actual: z.string(),
    })
    .nullable(),
  checkpoints: z
    .array(
      z.object({
        seq: z.number().int(),
        hash: z.string(),
        at: z.string(),
        keyId: z.string(),
        result: z.enum(['ok', 'truncated', 'rewritten', 'reset', 'bad_signature', 'unknown_key']),
      }),
    )
    .nullable()
    .openapi({ description: 'Each signed checkpoint, oldest first; null when no checkpoint log is configured' }),
  unreadableCheckpoints: z
    .array(z.number().int())
    .openapi({ description: 'Lines of the checkpoint log that are not a checkpoint' }),
});

const verify = createRoute({
  ...scope('audit', 'read'),
  method: 'get',
  path: '/audit-events/verify',
  tags,
  summary: 'Walk the hash chain, report the first broken link, and compare the chain with every signed checkpoint',
  responses: { 200: jsonOk(VerifyResult, 'Verification result'), ...errorResponses },
});

const toQuery = (q: z.infer<typeof Filter>) => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

export function auditRoutes() {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const { before, limit, ...filter } = q;
    const { events, total, actors } = await queryAuditLog(c.get('deps'), requestCtx(c), {
      ...toQuery(filter),
      beforeSeq: before,
      order: 'desc',
      limit,
    });
    return c.json(
      { events, total, actors, nextBefore: events.length === limit ? events[events.length - 1]!.seq : null },
      200,
    );
  });
  app.openapi(exportRoute, async (c) => {
    const deps = c.get('deps');
    const ctx = requestCtx(c);
    const filter = toQuery(c.req.valid('query'));
    // Authorize before the first byte: errors after the stream starts could not change the status any more.
    await queryAuditLog(deps, ctx, { ...filter, limit: 1 });
    // Exporting the whole log is a sensitive action: a person needs a recent proof of identity. A token carrying
    // audit:read (checked by scope() above) is a machine export, which is what that scope is for; minting the token
    // needed a recent re-authentication itself.
    if (!c.get('tokenAuth')) requireRecentAuth(c);
    await recordAuditExport(deps, ctx, c.req.valid('query'), c.get('tokenAuth')?.token.id ?? null);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="ismap-hub-audit-${new Date().toISOString().slice(0, 10)}.jsonl"`,
    );
    return stream(c, async (s) => {
      let after = 0;
      for (;;) {
        const { events } = await queryAuditLog(deps, ctx, { ...filter, afterSeq: after, order: 'asc', limit: 1000 });
        if (events.length) await s.write(events.map((e) => canonicalJson(e)).join('\n') + '\n');
        if (events.length < 1000) break;
        after = events[events.length - 1]!.seq;
      }
    }) as never;
  });
  app.openapi(verify, async (c) => {
    authorize(platformPolicy, requestCtx(c).actor, 'verifyAuditLog', null);
    const r = await verifyAuditChain(c.get('deps'));
    return c.json(
      {
        ok: r.ok,
        checked: r.checked,
        head: r.head,
        broken: r.broken,
        checkpoints: r.checkpoints,
        unreadableCheckpoints: r.unreadableCheckpoints,
      },
      200,
    );
  });
  return app;
}
