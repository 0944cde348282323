import { z } from 'zod';
import { DomainError, notFound } from '../../core/errors';
import { roles } from '../../core/identity';
import { authorize, organizationPolicy } from '../../core/policies';
import type { MembershipRecord } from '../../core/records';
import type { AppDeps, RequestContext } from '../context';
import { recordAudit } from '../record-audit';
import { emailSchema } from './create-user';
import type { Repositories } from '../ports/repositories';

export const setMembershipInput = z.object({ email: emailSchema, role: z.enum(roles) });
export type SetMembershipInput = z.input<typeof setMembershipInput>;

/** Adds a user to an organization or changes their role there. */
export async function setMembership(deps: AppDeps, ctx: RequestContext, orgId: string, raw: SetMembershipInput): Promise<MembershipRecord> {
  const input = setMembershipInput.parse(raw);
  return deps.uow.transaction(async (r) => {
    const org = await r.organizations.get(orgId);
    if (!org) throw notFound('organization');
    authorize(organizationPolicy, ctx.actor, 'manageMembers', org);
    const user = await r.users.getByEmail(input.email);
    if (!user) throw new DomainError('validation_failed', `No user with email ${input.email}`, [{ path: ['email'], message: 'unknown user' }]);
    const before = await r.users.getMembership(user.id, orgId);
    if (before?.role === 'admin' && input.role !== 'admin') await ensureAnotherAdmin(r, orgId, user.id);
    const after: MembershipRecord = { userId: user.id, orgId, role: input.role, createdAt: before?.createdAt ?? deps.clock.now() };
    await r.users.putMembership(after);
    await recordAudit(r, deps, ctx, { action: before ? 'membership.update' : 'membership.create', targetType: 'membership', targetId: `${orgId}/${user.id}`, before, after, orgId, details: { email: user.email, role: input.role, previousRole: before?.role ?? null } });
    return after;
  });
}

/** An organization must keep at least one admin, or nobody inside it can manage it any more. */
export async function ensureAnotherAdmin(r: Repositories, orgId: string, leavingUserId: string): Promise<void> {
  const admins = (await r.users.members(orgId)).filter((m) => m.role === 'admin' && m.userId !== leavingUserId);
  if (admins.length === 0) throw new DomainError('conflict', 'An organization needs at least one admin: appoint another admin first');
}
