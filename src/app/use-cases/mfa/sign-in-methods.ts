import type { MfaMethod } from '../../../core/mfa';
import type { AppDeps } from '../../context';

/** The second factors a user can give at the second step (recovery codes only while some are left). */
export async function signInMethodsOf(deps: AppDeps, userId: string): Promise<MfaMethod[]> {
  const r = deps.uow.read;
  const [totp, passkeys, codes] = await Promise.all([
    r.mfa.getTotp(userId),
    r.mfa.listPasskeys(userId),
    r.mfa.countUnusedRecoveryCodes(userId),
  ]);
  const out: MfaMethod[] = [];
  if (totp?.confirmedAt) out.push('totp');
  if (passkeys.length) out.push('passkey');
  if (codes > 0) out.push('recovery_code');
  return out;
}
