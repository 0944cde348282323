import { z } from 'zod';
import { DomainError, notFound } from '../../../core/errors';
import { authorize, cloudServicePolicy } from '../../../core/policies';
import type { Statement } from '../../../core/statement/model';
import type { AppDeps, RequestContext } from '../../context';
import type { StoredStatement } from '../../ports/repositories';
import { recordAudit } from '../../record-audit';
import { editionCriteria } from '../../statement-readiness';
import { auditPeriodInput } from './inputs';

export const createStatementInput = z
  .object({
    catalog: z.string().min(1).max(100).default('ismap'),
    edition: z.string().min(1).max(100),
    period: auditPeriodInput.nullable().optional(),
    previousPeriod: auditPeriodInput.nullable().optional(),
  })
  .strict();
export type CreateStatementInput = z.input<typeof createStatementInput>;

/** A draft statement of the service against one catalog edition; every item starts unanswered. */
export async function createStatement(
  deps: AppDeps,
  ctx: RequestContext,
  serviceId: string,
  input: CreateStatementInput,
): Promise<StoredStatement> {
  const v = createStatementInput.parse(input);
  const criteria = await editionCriteria(deps, v.catalog, v.edition);
  return deps.uow.transaction(async (r) => {
    const service = await r.cloudServices.get(serviceId);
    if (!service) throw notFound('cloud_service');
    authorize(cloudServicePolicy, ctx.actor, 'createStatement', service);
    if (!criteria)
      throw new DomainError('validation_failed', `The catalog ${v.catalog} has no edition ${v.edition}`, [], {
        reason: 'edition_not_found',
        params: { catalog: v.catalog, edition: v.edition },
      });
    if (criteria.list.length === 0)
      throw new DomainError('validation_failed', `${v.catalog} ${v.edition} has no criteria items to answer`, [], {
        reason: 'edition_has_no_criteria',
        params: { catalog: v.catalog, edition: v.edition },
      });
    const now = deps.clock.now().toISOString();
    const statement: Statement = {
      id: deps.ids.uuid(),
      orgId: service.orgId,
      serviceId,
      catalog: v.catalog,
      edition: v.edition,
      period: v.period ?? null,
      previousPeriod: v.previousPeriod ?? null,
      state: 'draft',
      subsequentEvents: {},
      specialNotes: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await r.statements.insert(statement);
    await recordAudit(r, deps, ctx, {
      action: 'statement.create',
      targetType: 'statement',
      targetId: statement.id,
      after: statement,
      orgId: service.orgId,
      details: { serviceId, catalog: v.catalog, edition: v.edition },
    });
    return { ...statement, itemsRevision: 0 };
  });
}
