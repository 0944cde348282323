import { z } from 'zod';
import { DomainError, notFound } from '../../../core/errors';
import { isOpen } from '../../../core/invitations';
import { publicUser, type PublicUser, type User } from '../../../core/records';
import type { AppDeps } from '../../context';
import { closePending, invitationTokenDigest, inviteeActor } from '../../invitation-access';
import { recordAudit } from '../../record-audit';
import { passwordSchema } from '../users/create-user';
import { applyRole } from './set-membership';

export const registerByInvitationInput = z.object({
  token: z.string().min(20).max(200),
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
export type RegisterByInvitationInput = z.input<typeof registerByInvitationInput>;

/**
 * Someone invited who has no account yet creates it from the link: the email is the invited one (the link proves
 * they received it), they set their name and password, and they join with the invited role. An email that already
 * has an account must sign in and accept instead.
 */
export async function registerByInvitation(
  deps: AppDeps,
  requestId: string | null,
  raw: RegisterByInvitationInput,
): Promise<PublicUser> {
  const input = registerByInvitationInput.parse(raw);
  const tokenHash = invitationTokenDigest(input.token);
  // A wrong token is refused before the (deliberately slow) password hash, so guessing costs the server nothing.
  const found = await deps.uow.read.invitations.getByTokenHash(tokenHash);
  if (!found || !isOpen(found, deps.clock.now())) throw notFound('invitation');
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.uow.transaction(async (r) => {
    const now = deps.clock.now();
    const inv = await r.invitations.getByTokenHash(tokenHash);
    if (!inv || !isOpen(inv, now)) throw notFound('invitation');
    if (await r.users.getByEmail(inv.email)) {
      throw new DomainError(
        'conflict',
        `An account with ${inv.email} exists: sign in with it to accept the invitation`,
        undefined,
        { reason: 'account_exists', params: { email: inv.email } },
      );
    }
    const org = (await r.organizations.lockMemberships(inv.orgId))!;
    const user: User = {
      id: deps.ids.uuid(),
      email: inv.email,
      displayName: input.displayName,
      passwordHash,
      isPlatformAdmin: false,
      locale: null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
      lastOrgId: null,
    };
    await r.users.insert(user);
    const ctx = { actor: inviteeActor(user.id), requestId };
    const shown = publicUser(user);
    await recordAudit(r, deps, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: shown,
      orgId: org.id,
      details: { email: user.email, isPlatformAdmin: false, via: 'invitation', invitationId: inv.id },
    });
    await closePending(r, inv, 'accepted', now, user.id);
    await recordAudit(r, deps, ctx, {
      action: 'invitation.accept',
      targetType: 'invitation',
      targetId: inv.id,
      orgId: org.id,
      details: { email: inv.email, role: inv.role },
    });
    await applyRole(r, deps, ctx, org, user, null, inv.role);
    return shown;
  });
}
