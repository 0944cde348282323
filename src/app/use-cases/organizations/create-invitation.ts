import { z } from 'zod';
import { DomainError, notFound } from '../../../core/errors';
import { roles } from '../../../core/identity';
import { INVITATION_TTL_MS } from '../../../core/invitations';
import { authorize, organizationPolicy } from '../../../core/policies';
import type { Invitation } from '../../../core/records';
import type { Organization } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { invitationTokenDigest } from '../../invitation-access';
import { recordAudit } from '../../record-audit';
import { emailSchema } from '../users/create-user';

export const createInvitationInput = z.object({ email: emailSchema, role: z.enum(roles) });
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

export interface CreatedInvitation {
  invitation: Invitation;
  /** The single-use token for the invitation link; returned once and never stored. */
  token: string;
  /** The organization invited to (for the answer). */
  organization: Organization;
}

/**
 * Invites a person (by email) to join an organization with a role; they become a member only when they accept.
 * The answer is the same whether or not the email has an account, so inviting cannot be used to find out who is
 * registered. Inviting the same email again replaces the open invitation (the old link stops working).
 */
export async function createInvitation(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  raw: CreateInvitationInput,
): Promise<CreatedInvitation> {
  const input = createInvitationInput.parse(raw);
  return deps.uow.transaction(async (r) => {
    const org = await r.organizations.get(orgId);
    if (!org) throw notFound('organization');
    authorize(organizationPolicy, ctx.actor, 'manageMembers', org);
    // Telling an admin that somebody is already a member says nothing the member list does not show them.
    const existing = await r.users.getByEmail(input.email);
    if (existing && (await r.users.getMembership(existing.id, orgId))) {
      throw new DomainError(
        'conflict',
        `${input.email} is already a member: change their role in the member list`,
        [{ path: ['email'], message: 'already a member' }],
        { reason: 'already_member', params: { email: input.email } },
      );
    }
    const now = deps.clock.now();
    const previous = await r.invitations.pendingFor(orgId, input.email);
    if (previous) {
      await r.invitations.close(previous.id, 'revoked', now, ctx.actor.userId);
      await recordAudit(r, deps, ctx, {
        action: 'invitation.revoke',
        targetType: 'invitation',
        targetId: previous.id,
        orgId,
        details: { email: previous.email, role: previous.role, replaced: true },
      });
    }
    const token = deps.ids.token();
    const invitation: Invitation = {
      id: deps.ids.uuid(),
      orgId,
      email: input.email,
      role: input.role,
      tokenHash: invitationTokenDigest(token),
      status: 'pending',
      invitedBy: ctx.actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      closedAt: null,
      closedBy: null,
    };
    await r.invitations.insert(invitation);
    const { tokenHash: _secret, ...shown } = invitation;
    await recordAudit(r, deps, ctx, {
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: invitation.id,
      after: shown,
      orgId,
      details: { email: input.email, role: input.role, expiresAt: invitation.expiresAt.toISOString() },
    });
    return { invitation, token, organization: org };
  });
}
