import { DomainError } from '../../../core/errors';
import type { AppDeps } from '../../context';
import type { Repositories } from '../../ports/repositories';
import type { SessionContext } from '../../recent-auth';
import { enrolledFactors, hasFactor, isMfaRequired } from '../../second-factor';

/**
 * After a factor was removed (in the same transaction): a user who must use MFA keeps at least one; a user left
 * without any loses their recovery codes too (they would be a factor of nothing).
 */
export async function afterRemoval(deps: AppDeps, r: Repositories, ctx: SessionContext): Promise<void> {
  const userId = ctx.actor.userId;
  if (hasFactor(await enrolledFactors(r, userId))) return;
  const user = await r.users.get(userId);
  const memberships = await r.users.memberships(userId);
  if (user && (await isMfaRequired(deps, user, memberships, r)))
    throw new DomainError(
      'conflict',
      'You must keep a second factor: add another one before removing this one.',
      undefined,
      { reason: 'mfa_required_last_factor' },
    );
  await r.mfa.deleteRecoveryCodes(userId);
}
