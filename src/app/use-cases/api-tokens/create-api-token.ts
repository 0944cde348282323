import { z } from 'zod';
import {
  API_TOKEN_MAX_ACTIVE,
  API_TOKEN_MAX_DAYS,
  apiTokenFrom,
  apiTokenHash,
  apiTokenHint,
  type ApiToken,
} from '../../../core/api-tokens';
import { DomainError, notFound } from '../../../core/errors';
import { chooseActiveOrg, systemActor } from '../../../core/identity';
import { normalizeScopes, scopeNames, tokenAccesses, tokenResources } from '../../../core/policies';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

const DAY_MS = 86_400_000;

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** The organization the token acts in; the caller's active one when left out; null: platform-wide (administrators). */
  orgId: z.uuid().nullable().optional(),
  access: z.array(z.enum(tokenAccesses)).min(1).max(tokenAccesses.length),
  resources: z.array(z.enum(tokenResources)).min(1).max(tokenResources.length),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

export interface CreatedApiToken {
  /** The token itself: shown once, never stored. */
  token: string;
  apiToken: ApiToken;
}

const invalid = (field: string, reason: string, message: string, params = {}) =>
  new DomainError('validation_failed', message, [{ path: [field], message, code: reason, params }], {
    reason,
    params,
  });

/**
 * Creates an API token for the signed-in user (`ownerId` is theirs) or, for the operator on the host (the system
 * actor), for any active user. The token acts as its owner in one organization the owner belongs to. Minting a
 * long-lived credential is a sensitive action: its route asks for a recent proof of identity first
 * (`requireRecentAuth`), so a stolen session alone cannot mint one.
 */
export async function createApiToken(
  deps: AppDeps,
  ctx: RequestContext,
  ownerId: string,
  raw: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const input = createApiTokenInput.parse(raw);
  const operator = ctx.actor.userId === systemActor.userId;
  if (!operator && ctx.actor.userId !== ownerId)
    throw new DomainError('forbidden', 'You may create API tokens only for yourself', undefined, {
      reason: 'token_for_self_only',
    });
  const owner = await deps.uow.read.users.get(ownerId);
  if (!owner || owner.disabledAt) throw notFound('user');
  const memberships = await deps.uow.read.users.memberships(owner.id);
  // Left out: the organization the owner acts for when signing in (the operator's default too).
  const orgId =
    input.orgId !== undefined
      ? input.orgId
      : operator
        ? chooseActiveOrg(memberships, owner.lastOrgId)
        : ctx.actor.activeOrgId;
  if (orgId === null && !owner.isPlatformAdmin)
    throw invalid('orgId', 'token_org_required', 'Choose the organization the token acts in.');
  if (orgId !== null && !memberships.some((m) => m.orgId === orgId))
    throw invalid('orgId', 'token_org_not_member', 'The token’s owner is not a member of that organization.');
  const now = deps.clock.now();
  if ((await deps.uow.read.apiTokens.countActiveForUser(owner.id, now)) >= API_TOKEN_MAX_ACTIVE)
    throw new DomainError(
      'conflict',
      `At most ${API_TOKEN_MAX_ACTIVE} API tokens may be active at once: revoke one first.`,
      undefined,
      { reason: 'token_limit_reached', params: { max: API_TOKEN_MAX_ACTIVE } },
    );
  const token = apiTokenFrom(deps.ids.token());
  const scopes = normalizeScopes(input);
  const apiToken: ApiToken = {
    id: deps.ids.uuid(),
    userId: owner.id,
    orgId,
    name: input.name,
    tokenHash: apiTokenHash(token),
    hint: apiTokenHint(token),
    ...scopes,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    lastUsedIp: null,
  };
  await deps.uow.transaction(async (r) => {
    await r.apiTokens.insert(apiToken);
    // Never the token nor its hash: the hint is enough to tell tokens apart.
    await recordAudit(r, deps, ctx, {
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: apiToken.id,
      orgId,
      details: {
        name: apiToken.name,
        hint: apiToken.hint,
        userId: owner.id,
        orgId,
        scopes: scopeNames(scopes),
        expiresAt: apiToken.expiresAt.toISOString(),
      },
    });
  });
  return { token, apiToken };
}
