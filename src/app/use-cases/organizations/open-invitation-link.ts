import { z } from 'zod';
import { notFound } from '../../../core/errors';
import { isOpen } from '../../../core/invitations';
import type { Role } from '../../../core/identity';
import type { AppDeps } from '../../context';
import { invitationTokenDigest } from '../../invitation-access';

export const invitationTokenInput = z.object({ token: z.string().min(20).max(200) });

export interface InvitationLinkView {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  organization: { kind: string; nameJa: string; nameEn: string };
  invitedByName: string | null;
  /** True when no account has the invited email yet: the link lets its holder create it. */
  needsAccount: boolean;
}

/**
 * What an invitation link shows before anyone signs in: the organization, the role and the invited email. Only the
 * token's holder sees it; an unknown, used, withdrawn or expired token answers 404 alike.
 */
export async function openInvitationLink(
  deps: AppDeps,
  raw: z.input<typeof invitationTokenInput>,
): Promise<InvitationLinkView> {
  const { token } = invitationTokenInput.parse(raw);
  const inv = await deps.uow.read.invitations.getByTokenHash(invitationTokenDigest(token));
  if (!inv || !isOpen(inv, deps.clock.now())) throw notFound('invitation');
  const [org, inviter, account] = await Promise.all([
    deps.uow.read.organizations.get(inv.orgId),
    inv.invitedBy ? deps.uow.read.users.get(inv.invitedBy) : null,
    deps.uow.read.users.getByEmail(inv.email),
  ]);
  if (!org) throw notFound('invitation');
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    organization: { kind: org.kind, nameJa: org.nameJa, nameEn: org.nameEn },
    invitedByName: inviter?.displayName ?? null,
    needsAccount: !account,
  };
}
