import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

export async function signOut(deps: AppDeps, ctx: RequestContext, sessionId: string): Promise<void> {
  await deps.uow.transaction(async (r) => {
    await r.sessions.revoke(sessionId, deps.clock.now());
    await recordAudit(r, deps, ctx, {
      action: 'session.revoke',
      targetType: 'session',
      targetId: sessionId.slice(0, 16),
      details: { reason: 'sign-out' },
    });
  });
}
