import { authorize, can, organizationPolicy, platformPolicy } from '../../../core/policies';
import { notFound } from '../../../core/errors';
import type { AuditEvent } from '../../../core/audit-chain';
import type { AuditQuery } from '../../ports/repositories';
import type { AppDeps, RequestContext } from '../../context';

/**
 * Reads the audit log. Platform administrators read all of it; an organization's admins read the events their
 * organization's members performed for it (`orgId` must then be given).
 */
export async function queryAuditLog(
  deps: AppDeps,
  ctx: RequestContext,
  q: AuditQuery & { orgId?: string },
): Promise<{ events: AuditEvent[]; total: number; actors: Record<string, string> }> {
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
  // Names of the page's actors, so the log reads "山田 花子 <csp@…>" rather than a UUID. The caller may read this
  // log, and every actor in it acted for the organization (or the platform) the log is about.
  const actors: Record<string, string> = {};
  for (const id of new Set(events.map((e) => e.actorUserId).filter((x): x is string => !!x))) {
    const u = await deps.uow.read.users.get(id);
    if (u) actors[id] = `${u.displayName} <${u.email}>`;
  }
  return { events, total, actors };
}
