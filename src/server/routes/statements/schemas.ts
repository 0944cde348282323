import { z } from '@hono/zod-openapi';
import { blockerRules, clearActions } from '../../../core/statement/blockers';
import { criterionKinds, statementTiers } from '../../../core/statement/criteria';
import { attentionReasons } from '../../../core/statement/migration';
import { implementationStatuses, statementStates, storedSelections } from '../../../core/statement/model';
import { effectiveSelections } from '../../../core/statement/selection';
import { Localized } from '../catalogs/schemas';

// Response schemas of the statement endpoints (request schemas are the use cases' own).

const Abilities = z.record(z.string(), z.boolean());
const MessageParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const ItemParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  itemId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'itemId', in: 'path' }, example: '9.2.3.11.PB' }),
});

export const AuditPeriod = z.object({ start: z.string(), end: z.string() }).openapi('AuditPeriod');

export const Blocker = z
  .object({
    rule: z.enum(blockerRules),
    itemId: z.string().nullable(),
    clears: z.enum(clearActions),
    message: z.string(),
    params: MessageParams,
  })
  .openapi('Blocker');

export const GroupCounts = z
  .object({
    items: z.number().int(),
    inScope: z.number().int(),
    ready: z.number().int(),
    blocked: z.number().int(),
    blockers: z.number().int(),
    undecided: z.number().int(),
    bySelection: z.record(z.enum(effectiveSelections), z.number().int()),
    byStatus: z.record(z.enum(implementationStatuses), z.number().int()),
    percent: z.number(),
  })
  .openapi('GroupCounts');

export const ReadinessSummary = z
  .object({
    total: GroupCounts,
    byTier: z.record(z.enum(statementTiers), GroupCounts),
    byClause: z.array(z.object({ clause: z.string(), tier: z.enum(statementTiers), counts: GroupCounts })),
    statementBlockers: z.array(Blocker),
    blockerCount: z.number().int(),
    ready: z.boolean(),
  })
  .openapi('ReadinessSummary');

export const Statement = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    serviceId: z.uuid(),
    serviceName: Localized,
    catalog: z.string(),
    edition: z.string(),
    period: AuditPeriod.nullable(),
    previousPeriod: AuditPeriod.nullable(),
    state: z.enum(statementStates),
    editMode: z.enum(['free', 'recorded_change', 'frozen']).openapi({
      description: 'free: edit; recorded_change: under audit, every change needs a changeReason; frozen: no change',
    }),
    transitions: z.array(z.enum(statementStates)).openapi({ description: 'States this one may go to' }),
    subsequentEvents: Localized,
    specialNotes: Localized,
    version: z.number().int(),
    itemsRevision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: Abilities,
  })
  .openapi('Statement');

export const ListedStatement = Statement.extend({
  readiness: z
    .object({ percent: z.number(), blockerCount: z.number().int(), ready: z.boolean() })
    .openapi({ description: 'Readiness for registration: percent of in-scope items ready, blockers in all' }),
}).openapi('ListedStatement');

export const StatementWithReadiness = Statement.extend({ readiness: ReadinessSummary }).openapi(
  'StatementWithReadiness',
);

const ItemBlocker = z
  .object({ rule: z.enum(blockerRules), clears: z.enum(clearActions), params: MessageParams })
  .openapi('ItemBlocker');

export const StatementItem = z
  .object({
    id: z.string(),
    kind: z.enum(criterionKinds),
    tier: z.enum(statementTiers),
    clause: z.string(),
    objective: z.string().nullable(),
    basic: z.boolean(),
    cloud: z.boolean(),
    title: Localized,
    selection: z.enum(effectiveSelections).openapi({ description: 'Effective: required is derived, never stored' }),
    storedSelection: z.enum(storedSelections).nullable().openapi({ description: 'What the answer stores' }),
    reason: z.string().nullable(),
    inheritedFrom: z.string().nullable(),
    status: z.enum(implementationStatuses),
    owner: z.string().nullable(),
    control: Localized.openapi({ description: '個別管理策 (individual control)' }),
    revisionCount: z.number().int(),
    blockers: z.array(ItemBlocker),
    version: z.number().int().openapi({ description: '0 for an item never answered' }),
    stale: z.boolean().openapi({ description: 'The criteria text changed since the answer was written' }),
  })
  .openapi('StatementItem');

export const ControlRevision = z
  .object({
    effectiveDate: z.string(),
    before: Localized,
    after: Localized,
    note: z.string().nullable(),
    recordedBy: z.string().nullable().optional().openapi({ description: 'Who recorded the change (display name)' }),
  })
  .openapi('ControlRevision');

export const StatementItemDetail = StatementItem.extend({
  text: Localized.openapi({ description: 'The criteria text' }),
  revisions: z.array(ControlRevision),
  criteriaDigest: z.string().nullable().openapi({ description: 'The criteria text the answer was written against' }),
  currentDigest: z.string(),
}).openapi('StatementItemDetail');

export const Attention = z
  .object({ reason: z.enum(attentionReasons), itemId: z.string().nullable(), fromId: z.string().nullable() })
  .openapi('MigrationAttention');

export const MigrationResult = z
  .object({
    from: z.string(),
    to: z.string(),
    applied: z.boolean(),
    carried: z.number().int(),
    succession: z.string().nullable(),
    attention: z.array(Attention),
  })
  .openapi('MigrationResult');

export const AttentionRow = Attention.extend({
  seq: z.number().int(),
  fromEdition: z.string(),
  toEdition: z.string(),
  migratedAt: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
}).openapi('MigrationAttentionRow');

export const AttentionParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  seq: z.coerce
    .number()
    .int()
    .min(0)
    .max(100000)
    .openapi({ param: { name: 'seq', in: 'path' }, example: 0 }),
});
