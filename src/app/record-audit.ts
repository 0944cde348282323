import { digestOf, sealEvent, type AuditEvent } from '../core/audit-chain';
import type { AuditAction } from '../core/audit-actions';
import type { Repositories } from './ports/repositories';
import type { AppDeps, RequestContext } from './context';

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  /**
   * Organization on whose behalf the actor acted. Defaults to the actor's active organization — except for platform
   * administrators, whose actions (creating users, resetting passwords, importing criteria, …) are the platform's and
   * default to none: they must not land in the audit view of whichever organization they happen to belong to.
   */
  orgId?: string | null;
}

/** Who acted: a signed-in actor, or nobody (an unauthenticated caller, e.g. a rejected sign-in). */
export type AuditContext = Omit<RequestContext, 'actor'> & { actor: RequestContext['actor'] | null };

/**
 * Appends one audit event to the hash chain. Call it with the transaction's repositories, after the change,
 * so the change and its audit row commit or roll back together (locking the chain head serialises writers).
 */
export async function recordAudit(
  repos: Repositories,
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  ctx: AuditContext,
  entry: AuditEntry,
): Promise<AuditEvent> {
  const head = await repos.audit.lockHead();
  const event = sealEvent(
    {
      id: deps.ids.uuid(),
      at: deps.clock.now().toISOString(),
      actorUserId: ctx.actor?.userId ?? null,
      actorOrgId:
        entry.orgId !== undefined ? entry.orgId : ctx.actor?.isPlatformAdmin ? null : (ctx.actor?.activeOrgId ?? null),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      beforeDigest: digestOf(entry.before),
      afterDigest: digestOf(entry.after),
      requestId: ctx.requestId,
      details: entry.details ?? {},
    },
    head,
  );
  await repos.audit.append(event);
  return event;
}
