import { abilities, authorize, platformPolicy, userPolicy } from '../../../core/policies';
import { publicUser, type PublicUser } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';

export async function listUsers(
  deps: AppDeps,
  ctx: RequestContext,
): Promise<(PublicUser & { abilities: Record<string, boolean> })[]> {
  authorize(platformPolicy, ctx.actor, 'listUsers', null);
  const users = await deps.uow.read.users.list();
  return users.map((u) => ({
    ...publicUser(u),
    abilities: abilities(userPolicy, ctx.actor, { id: u.id, orgIds: [] }),
  }));
}
