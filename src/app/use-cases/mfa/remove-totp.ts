import { notFound } from '../../../core/errors';
import type { AppDeps } from '../../context';
import { assertRecentAuth, type SessionContext } from '../../recent-auth';
import { recordAudit } from '../../record-audit';
import { afterRemoval } from './remove-factor';

export async function removeTotp(deps: AppDeps, ctx: SessionContext): Promise<void> {
  assertRecentAuth(deps, ctx.session);
  await deps.uow.transaction(async (r) => {
    const rec = await r.mfa.getTotp(ctx.actor.userId);
    if (!rec?.confirmedAt) throw notFound('authenticator_app');
    await r.mfa.deleteTotp(ctx.actor.userId);
    await afterRemoval(deps, r, ctx);
    await recordAudit(r, deps, ctx, { action: 'mfa.totp_remove', targetType: 'user', targetId: ctx.actor.userId });
  });
}
