import { notFound } from '../../../core/errors';
import { authorize, sessionPolicy } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/** Revokes one of the caller's sessions (sign out another device). `publicId` is the first 16 hex digits shown in the UI. */
export async function revokeSession(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  publicId: string,
): Promise<void> {
  await deps.uow.transaction(async (r) => {
    const target = (await r.sessions.listForUser(userId)).find(
      (s) => s.id.startsWith(publicId) && publicId.length === 16,
    );
    if (!target) throw notFound('session');
    authorize(sessionPolicy, ctx.actor, 'revoke', target);
    await r.sessions.revoke(target.id, deps.clock.now());
    await recordAudit(r, deps, ctx, {
      action: 'session.revoke',
      targetType: 'session',
      targetId: publicId,
      details: { reason: 'revoked', userId },
    });
  });
}
