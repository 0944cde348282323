import { notFound } from '../../core/errors';
import { membershipIn } from '../../core/identity';
import type { AppDeps, RequestContext } from '../context';

/**
 * Switches the organization the session acts for. Not audited as a change: it alters no shared state, only
 * which of the user's own memberships later audit events are attributed to (and those events record it).
 */
export async function switchOrganization(deps: AppDeps, ctx: RequestContext, sessionId: string, orgId: string): Promise<void> {
  if (!membershipIn(ctx.actor, orgId)) throw notFound('organization');
  await deps.uow.read.sessions.setActiveOrg(sessionId, orgId);
}
