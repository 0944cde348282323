import {
  API_TOKEN_TOUCH_MS,
  apiTokenHash,
  apiTokenState,
  looksLikeApiToken,
  tokenActor,
  touchDue,
  type ApiToken,
} from '../../../core/api-tokens';
import type { Actor } from '../../../core/identity';
import type { User } from '../../../core/records';
import type { AppDeps } from '../../context';

/** Why a presented token was refused. */
export type ApiTokenFailure = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'user_disabled' | 'membership_gone';

export type ApiTokenAuth =
  | { ok: true; actor: Actor; user: User; token: ApiToken }
  | { ok: false; failure: ApiTokenFailure; tokenId: string | null; userId: string | null };

/**
 * A bearer token → its actor, read fresh from the database at every request (no cache): a revocation, a disabled
 * user or a removed membership stops the token at the very next request, on every server. The last use is written
 * at most once a minute per token.
 */
export async function authenticateApiToken(deps: AppDeps, presented: string, ip: string | null): Promise<ApiTokenAuth> {
  if (!looksLikeApiToken(presented)) return { ok: false, failure: 'malformed', tokenId: null, userId: null };
  const found = await deps.uow.read.apiTokens.getByHash(apiTokenHash(presented));
  if (!found) return { ok: false, failure: 'unknown', tokenId: null, userId: null };
  const { token, user, memberships } = found;
  const refuse = (failure: ApiTokenFailure): ApiTokenAuth => ({
    ok: false,
    failure,
    tokenId: token.id,
    userId: user.id,
  });
  const now = deps.clock.now();
  const state = apiTokenState(token, now);
  if (state !== 'active') return refuse(state);
  if (user.disabledAt) return refuse('user_disabled');
  const actor = tokenActor(user, memberships, token);
  if (!actor) return refuse('membership_gone');
  if (touchDue(token.lastUsedAt, now)) {
    if (await deps.uow.read.apiTokens.touch(token.id, now, ip, API_TOKEN_TOUCH_MS)) {
      token.lastUsedAt = now;
      token.lastUsedIp = ip;
    }
  }
  return { ok: true, actor, user, token };
}
