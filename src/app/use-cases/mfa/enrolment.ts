import type { MfaMethod } from '../../../core/mfa';
import type { AppDeps } from '../../context';
import type { Repositories } from '../../ports/repositories';
import type { SessionContext } from '../../recent-auth';
import { enrolledFactors, hasFactor, newRecoveryCodes } from '../../second-factor';

/**
 * What every enrolment does in its transaction after storing the new factor: the first factor comes with recovery
 * codes (returned once), and a session that had to enrol one is signed in with it.
 */
export async function afterEnrolment(
  deps: AppDeps,
  r: Repositories,
  ctx: SessionContext,
  method: MfaMethod,
  hadFactor: boolean,
): Promise<string[] | null> {
  const now = deps.clock.now();
  let codes: string[] | null = null;
  if (!hadFactor || (await r.mfa.countUnusedRecoveryCodes(ctx.actor.userId)) === 0) {
    const fresh = newRecoveryCodes(deps);
    await r.mfa.replaceRecoveryCodes(ctx.actor.userId, fresh.hashes, now);
    codes = fresh.codes;
  }
  if (ctx.session.signInStep === 'enrol') await r.sessions.completeSignIn(ctx.session.id, method, now);
  return codes;
}

export async function hadFactorBefore(deps: AppDeps, userId: string) {
  return hasFactor(await enrolledFactors(deps.uow.read, userId));
}
