import { authorize, platformPolicy } from '../../../core/policies';
import { publicUser, type PublicUser } from '../../../core/records';
import type { AppDeps, RequestContext } from '../../context';

/** Every account, for platform administrators (the presenter attaches what the caller may do with each). */
export async function listUsers(deps: AppDeps, ctx: RequestContext): Promise<PublicUser[]> {
  authorize(platformPolicy, ctx.actor, 'listUsers', null);
  const users = await deps.uow.read.users.list();
  return users.map(publicUser);
}
