import { notFound } from '../../../core/errors';
import { membershipIn } from '../../../core/identity';
import type { AppDeps, RequestContext } from '../../context';

/**
 * Switches the organization the session acts for, and remembers it as the user's choice: the next sign-in resumes
 * it (see `chooseActiveOrg`). Not audited as a change: it alters no shared state, only which of the user's own
 * memberships later audit events are attributed to (and those events record it).
 */
export async function switchOrganization(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string,
  orgId: string,
): Promise<void> {
  if (!membershipIn(ctx.actor, orgId)) throw notFound('organization');
  // A transaction so the commit clears the session cache: the very next request acts for the new organization.
  await deps.uow.transaction(async (r) => {
    await r.sessions.setActiveOrg(sessionId, orgId);
    await r.users.update(ctx.actor.userId, { lastOrgId: orgId });
  });
}
