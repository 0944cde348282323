import { z } from '@hono/zod-openapi';
import { remediationLinkKinds, remediationRisks, remediationStatuses } from '../../../core/remediation/model';
import { blockerRules } from '../../../core/statement/blockers';
import { ReadinessSummary } from '../statements/schemas';

// Response schemas of the remediation plan (request schemas are the use cases' own).

export const RemediationLink = z
  .object({ kind: z.enum(remediationLinkKinds), target: z.string().nullable(), rule: z.enum(blockerRules).nullable() })
  .openapi('RemediationLink');

export const RemediationItem = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    statementId: z.uuid(),
    title: z.string(),
    description: z.string(),
    owner: z.string().nullable(),
    risk: z.enum(remediationRisks),
    status: z.enum(remediationStatuses),
    plannedCompletion: z.string().nullable(),
    actualCompletion: z.string().nullable(),
    milestones: z.array(
      z.object({ id: z.string(), title: z.string(), plannedDate: z.string(), actualDate: z.string().nullable() }),
    ),
    links: z.array(RemediationLink),
    oscalUuid: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
    flags: z.object({
      overdue: z.boolean(),
      overdueMilestones: z.array(z.string()),
      daysOverdue: z.number().int(),
    }),
    linked: z.array(z.object({ link: RemediationLink, cleared: z.boolean() })),
    /** Statuses the item may move to now (the transition table), empty when the caller may not move it. */
    moves: z.array(z.enum(remediationStatuses)),
    abilities: z.object({
      read: z.boolean(),
      update: z.boolean(),
      move: z.boolean(),
      delete: z.boolean(),
      create: z.boolean(),
      export: z.boolean(),
    }),
  })
  .openapi('RemediationItem');

export const RemediationPlan = z
  .object({
    statementId: z.uuid(),
    items: z.array(RemediationItem),
    readiness: ReadinessSummary,
    abilities: z.object({ create: z.boolean(), export: z.boolean() }),
  })
  .openapi('RemediationPlan');

export const RemediationItemWithReadiness = z
  .object({ item: RemediationItem, readiness: ReadinessSummary })
  .openapi('RemediationItemWithReadiness');

export const RemediationImportResult = z
  .object({ created: z.number().int(), updated: z.number().int(), dryRun: z.boolean() })
  .openapi('RemediationImportResult');
