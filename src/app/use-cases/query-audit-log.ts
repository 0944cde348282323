import { authorize, can, organizationPolicy, platformPolicy } from '../../core/policies';
import { notFound } from '../../core/errors';
import type { AuditEvent } from '../../core/audit-chain';
import type { AuditQuery } from '../ports/repositories';
import type { AppDeps, RequestContext } from '../context';

/**
 * Reads the audit log. Platform administrators read all of it; an organization's admins read the events their
 * organization's members performed for it (`orgId` must then be given).
 */
export async function queryAuditLog(deps: AppDeps, ctx: RequestContext, q: AuditQuery & { orgId?: string }): Promise<{ events: AuditEvent[]; total: number }> {
  const query: AuditQuery = { ...q };
  if (!can(platformPolicy, ctx.actor, 'readAuditLog', null)) {
    if (!q.orgId) authorize(platformPolicy, ctx.actor, 'readAuditLog', null);
    const org = await deps.uow.read.organizations.get(q.orgId!);
    if (!org) throw notFound('organization');
    authorize(organizationPolicy, ctx.actor, 'viewAudit', org);
  }
  if (q.orgId) query.actorOrgId = q.orgId;
  const { limit: _l, afterSeq: _a, beforeSeq: _b, order: _o, ...filter } = query;
  const [events, total] = await Promise.all([deps.uow.read.audit.query(query), deps.uow.read.audit.count(filter)]);
  return { events, total };
}
