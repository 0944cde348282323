import type { Session } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';

/** The caller's own sessions, newest first (the account page's device list). */
export async function listSessions(deps: AppDeps, ctx: RequestContext): Promise<Session[]> {
  return deps.uow.read.sessions.listForUser(ctx.actor.userId);
}
