import { apiTokenState, type ApiToken, type ApiTokenState } from '../../../core/api-tokens';
import type { AppDeps, RequestContext } from '../../context';

export type ApiTokenView = ApiToken & { state: ApiTokenState };

/** The caller's own API tokens, newest first (the account page); any user's for the operator on the host. */
export async function listApiTokens(
  deps: AppDeps,
  ctx: RequestContext,
  userId = ctx.actor.userId,
): Promise<ApiTokenView[]> {
  if (userId !== ctx.actor.userId && !ctx.actor.isPlatformAdmin) return [];
  const now = deps.clock.now();
  return (await deps.uow.read.apiTokens.listForUser(userId)).map((t) => ({ ...t, state: apiTokenState(t, now) }));
}
