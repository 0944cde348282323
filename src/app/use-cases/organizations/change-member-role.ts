import { z } from 'zod';
import { notFound } from '../../../core/errors';
import { roles } from '../../../core/identity';
import type { MembershipRecord } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';
import { lockForMembershipChange } from '../../membership-guard';
import { applyRole } from './set-membership';

export const changeMemberRoleInput = z.object({ role: z.enum(roles) });
export type ChangeMemberRoleInput = z.input<typeof changeMemberRoleInput>;

/** Changes the role of an existing member (organization admins). Somebody who is not a member yet is invited. */
export async function changeMemberRole(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  userId: string,
  raw: ChangeMemberRoleInput,
): Promise<MembershipRecord> {
  const input = changeMemberRoleInput.parse(raw);
  return deps.uow.transaction(async (r) => {
    const org = await lockForMembershipChange(r, ctx.actor, orgId);
    const before = await r.users.getMembership(userId, orgId);
    const user = before ? await r.users.get(userId) : null;
    if (!before || !user) throw notFound('membership');
    return applyRole(r, deps, ctx, org, user, before, input.role);
  });
}
