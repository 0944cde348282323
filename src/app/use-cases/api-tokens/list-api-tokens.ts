import type { ApiToken } from '../../../core/api-tokens';
import type { AppDeps, RequestContext } from '../../context';

/** The caller's own API tokens, newest first (the account page), or a user's for the operator on the host. */
export async function listApiTokens(
  deps: AppDeps,
  ctx: RequestContext,
  userId = ctx.actor.userId,
): Promise<ApiToken[]> {
  if (userId !== ctx.actor.userId && !ctx.actor.isPlatformAdmin) return [];
  return deps.uow.read.apiTokens.listForUser(userId);
}
