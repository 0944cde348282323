import { DomainError } from '../../../core/errors';
import type { AppDeps } from '../../context';
import type { RelyingParty } from '../../ports/mfa-services';
import type { SessionContext } from '../../recent-auth';
import { issueChallenge } from '../../second-factor';

/** The options for navigator.credentials.get(), for the second step of a sign-in or a re-authentication. */
export async function startPasskeyChallenge(
  deps: AppDeps,
  ctx: SessionContext,
  input: { purpose: 'second_factor' | 'reauthenticate'; rp: RelyingParty },
) {
  const passkeys = await deps.uow.read.mfa.listPasskeys(ctx.actor.userId);
  if (!passkeys.length) throw new DomainError('conflict', 'You have no passkey.', undefined, { reason: 'no_passkey' });
  const made = await deps.mfa.webauthn.authenticationOptions(
    input.rp,
    passkeys.map((p) => ({ id: p.id, transports: p.transports })),
  );
  return issueChallenge(deps, ctx.session.id, input.purpose, made);
}
