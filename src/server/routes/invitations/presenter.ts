import type { Actor } from '../../../core/identity';
import { abilities, invitationPolicy } from '../../../core/policies';
import type { CreatedInvitation } from '../../../app/use-cases/organizations/create-invitation';
import type { ListedInvitation } from '../../../app/use-cases/organizations/list-invitations';
import type { InvitationLinkView } from '../../../app/use-cases/organizations/open-invitation-link';

/** Never the token digest (nor the invitee's account id): an invitation leaves the server without anything that opens it. */
export const presentInvitation = (i: ListedInvitation, actor: Actor) => ({
  id: i.id,
  orgId: i.orgId,
  orgKind: i.orgKind,
  orgNameJa: i.orgNameJa,
  orgNameEn: i.orgNameEn,
  email: i.email,
  role: i.role,
  invitedByName: i.invitedByName,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  abilities: abilities(invitationPolicy, actor, { orgId: i.orgId, inviteeUserId: i.inviteeUserId }),
});

export const presentInvitationLink = (v: InvitationLinkView) => ({ ...v, expiresAt: v.expiresAt.toISOString() });

/** A new invitation as its admin sees it, with the link holding the token (shown this once). */
export const presentCreatedInvitation = (
  { invitation, token, organization: org }: CreatedInvitation,
  actor: Actor,
) => ({
  invitation: presentInvitation(
    {
      ...invitation,
      orgKind: org.kind,
      orgNameJa: org.nameJa,
      orgNameEn: org.nameEn,
      invitedByName: null,
      inviteeUserId: null,
    },
    actor,
  ),
  token,
  link: `/invite#${token}`,
});
