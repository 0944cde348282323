import type { User } from '../../../core/records';
import type { AppDeps } from '../../context';
import type { Passkey } from '../../ports/mfa-repositories';
import type { SessionContext } from '../../recent-auth';
import { isMfaRequired } from '../../second-factor';

export interface MfaStatus {
  required: boolean;
  totp: { enrolledAt: Date } | null;
  passkeys: Passkey[];
  recoveryCodesLeft: number;
}

/** The caller's own second factors (never a secret). */
export async function getMfaStatus(deps: AppDeps, ctx: SessionContext, user: User): Promise<MfaStatus> {
  const r = deps.uow.read;
  const id = ctx.actor.userId;
  const [totp, passkeys, left, memberships] = await Promise.all([
    r.mfa.getTotp(id),
    r.mfa.listPasskeys(id),
    r.mfa.countUnusedRecoveryCodes(id),
    r.users.memberships(id),
  ]);
  return {
    required: await isMfaRequired(deps, user, memberships),
    totp: totp?.confirmedAt ? { enrolledAt: totp.confirmedAt } : null,
    passkeys,
    recoveryCodesLeft: left,
  };
}
