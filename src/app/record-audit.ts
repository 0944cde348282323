import { digestOf, sealEvent, type AuditEvent } from '../core/audit-chain';
import type { Repositories } from './ports/repositories';
import type { AppDeps, RequestContext } from './context';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  /** Organization on whose behalf the actor acted; defaults to the actor's active organization. */
  orgId?: string | null;
  /** An unauthenticated caller (a failed sign-in): no actor user, no organization. */
  anonymous?: boolean;
}

/**
 * Appends one audit event to the hash chain. Call it with the transaction's repositories, after the change,
 * so the change and its audit row commit or roll back together (locking the chain head serialises writers).
 */
export async function recordAudit(repos: Repositories, deps: Pick<AppDeps, 'clock' | 'ids'>, ctx: RequestContext, entry: AuditEntry): Promise<AuditEvent> {
  const head = await repos.audit.lockHead();
  const event = sealEvent(
    {
      id: deps.ids.uuid(),
      at: deps.clock.now().toISOString(),
      actorUserId: entry.anonymous ? null : ctx.actor.userId,
      actorOrgId: entry.anonymous ? null : entry.orgId !== undefined ? entry.orgId : ctx.actor.activeOrgId,
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
