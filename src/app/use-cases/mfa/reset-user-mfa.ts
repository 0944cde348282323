import { notFound } from '../../../core/errors';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/**
 * The operator's way back in for a locked-out user (`ismap user mfa-reset <email>`): removes every second factor and
 * recovery code and signs the user out everywhere. A user who must use MFA enrols again at the next sign-in.
 */
export async function resetUserMfa(deps: AppDeps, ctx: RequestContext, input: { email: string }) {
  const user = await deps.uow.read.users.getByEmail(input.email.trim().toLowerCase());
  if (!user) throw notFound('user');
  return deps.uow.transaction(async (r) => {
    const now = deps.clock.now();
    const totp = await r.mfa.deleteTotp(user.id);
    const passkeys = await r.mfa.deletePasskeys(user.id);
    const recoveryCodes = await r.mfa.deleteRecoveryCodes(user.id);
    const sessions = await r.sessions.revokeAllForUser(user.id, now);
    const details = { totp, passkeys, recoveryCodes, revokedSessions: sessions };
    await recordAudit(r, deps, ctx, { action: 'mfa.reset', targetType: 'user', targetId: user.id, details });
    return { userId: user.id, email: user.email, ...details };
  });
}
