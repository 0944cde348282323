import { DomainError } from '../../../core/errors';
import type { AppDeps } from '../../context';
import { assertRecentAuth, type SessionContext } from '../../recent-auth';
import { recordAudit } from '../../record-audit';
import { enrolledFactors, hasFactor, newRecoveryCodes } from '../../second-factor';

/** A new set of recovery codes replaces the old one (all of it, used or not). Shown once. */
export async function regenerateRecoveryCodes(
  deps: AppDeps,
  ctx: SessionContext,
): Promise<{ recoveryCodes: string[] }> {
  assertRecentAuth(deps, ctx.session);
  const userId = ctx.actor.userId;
  if (!hasFactor(await enrolledFactors(deps.uow.read, userId)))
    throw new DomainError('conflict', 'Set up a second factor first.', undefined, { reason: 'no_second_factor' });
  const fresh = newRecoveryCodes(deps);
  await deps.uow.transaction(async (r) => {
    await r.mfa.replaceRecoveryCodes(userId, fresh.hashes, deps.clock.now());
    await recordAudit(r, deps, ctx, {
      action: 'mfa.recovery_codes_generate',
      targetType: 'user',
      targetId: userId,
      details: { count: fresh.codes.length },
    });
  });
  return { recoveryCodes: fresh.codes };
}
