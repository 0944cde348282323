import { notFound } from '../../../core/errors';
import type { ApiToken } from '../../../core/api-tokens';
import { apiTokenPolicy, authorize } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

/** Revokes a token at once (the next request with it is refused). Revoking a revoked token changes nothing. */
export async function revokeApiToken(deps: AppDeps, ctx: RequestContext, id: string): Promise<ApiToken> {
  return deps.uow.transaction(async (r) => {
    const token = await r.apiTokens.get(id);
    if (!token) throw notFound('api_token');
    authorize(apiTokenPolicy, ctx.actor, 'revoke', token);
    const now = deps.clock.now();
    if (!(await r.apiTokens.revoke(id, now, ctx.actor.userId))) return token;
    await recordAudit(r, deps, ctx, {
      action: 'api_token.revoke',
      targetType: 'api_token',
      targetId: id,
      orgId: token.orgId,
      details: { name: token.name, hint: token.hint, userId: token.userId },
    });
    return { ...token, revokedAt: now, revokedBy: ctx.actor.userId };
  });
}
