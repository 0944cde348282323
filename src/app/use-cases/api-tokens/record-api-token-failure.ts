import type { AppDeps } from '../../context';
import { recordAudit } from '../../record-audit';
import type { ApiTokenFailure } from './authenticate-api-token';

export interface ApiTokenFailureInput {
  failure: ApiTokenFailure;
  /** The token's id when it is known (expired, revoked, …): never the token itself. */
  tokenId: string | null;
  userId: string | null;
  ip: string;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * A refused bearer token, as an audit event with no actor (ISMAP 12.4.1: rejected access attempts). The caller
 * decides how often (the server writes at most one per address a minute, see `FailureLogGate`).
 */
export async function recordApiTokenFailure(deps: AppDeps, input: ApiTokenFailureInput): Promise<void> {
  await deps.uow.transaction((r) =>
    recordAudit(
      r,
      deps,
      { actor: null, requestId: input.requestId },
      {
        action: 'api_token.auth_failed',
        targetType: 'api_token',
        targetId: input.tokenId,
        orgId: null,
        details: {
          reason: input.failure,
          userId: input.userId,
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 400) ?? null,
        },
      },
    ),
  );
}
