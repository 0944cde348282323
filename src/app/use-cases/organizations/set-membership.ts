import { z } from 'zod';
import { DomainError } from '../../../core/errors';
import { roles, type Role } from '../../../core/identity';
import { authorize, platformPolicy } from '../../../core/policies';
import type { MembershipRecord, Organization, User } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';
import { ensureAnotherAdmin, lockForMembershipChange } from '../../membership-guard';
import type { Repositories } from '../../ports/repositories';
import { emailSchema } from '../users/create-user';

export const setMembershipInput = z.object({ email: emailSchema, role: z.enum(roles) });
export type SetMembershipInput = z.input<typeof setMembershipInput>;

/**
 * Adds a user to an organization directly, or changes their role there. Adding without the person's consent is for
 * platform administrators only — in practice the operator on the host (`ismap member set`, the demo seed), who has
 * the whole database anyway. No HTTP endpoint adds members directly: organization admins invite
 * (create-invitation.ts) and change roles of existing members (change-member-role.ts).
 */
export async function setMembership(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  raw: SetMembershipInput,
): Promise<MembershipRecord> {
  const input = setMembershipInput.parse(raw);
  return deps.uow.transaction(async (r) => {
    const org = await lockForMembershipChange(r, ctx.actor, orgId);
    const user = await r.users.getByEmail(input.email);
    const before = user ? await r.users.getMembership(user.id, orgId) : null;
    if (!before) authorize(platformPolicy, ctx.actor, 'addMemberDirectly', null);
    if (!user)
      throw new DomainError(
        'validation_failed',
        `No user with email ${input.email}`,
        [{ path: ['email'], message: 'unknown user' }],
        { reason: 'unknown_user', params: { email: input.email } },
      );
    return applyRole(r, deps, ctx, org, user, before, input.role);
  });
}

/** Writes the membership with its audit row; the caller holds the organization's membership lock. */
export async function applyRole(
  r: Repositories,
  deps: AppDeps,
  ctx: RequestContext,
  org: Organization,
  user: Pick<User, 'id' | 'email'>,
  before: MembershipRecord | null,
  role: Role,
): Promise<MembershipRecord> {
  if (before?.role === 'admin' && role !== 'admin') await ensureAnotherAdmin(r, org.id, user.id);
  const after: MembershipRecord = {
    userId: user.id,
    orgId: org.id,
    role,
    createdAt: before?.createdAt ?? deps.clock.now(),
  };
  await r.users.putMembership(after);
  await recordAudit(r, deps, ctx, {
    action: before ? 'membership.update' : 'membership.create',
    targetType: 'membership',
    targetId: `${org.id}/${user.id}`,
    before,
    after,
    orgId: org.id,
    details: { email: user.email, role, previousRole: before?.role ?? null },
  });
  return after;
}
