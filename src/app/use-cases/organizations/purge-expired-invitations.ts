import type { AppDeps, RequestContext } from '../../context';

/** How long an expired, never answered invitation is kept (admins see it expired until then). */
export const EXPIRED_INVITATION_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * Deletes pending invitations that expired more than the retention ago: a scheduled job. Not audited: their link
 * cannot be used any more, and their creation is an audit event (`invitation.create`) that stays.
 */
export async function purgeExpiredInvitations(
  deps: Pick<AppDeps, 'uow' | 'clock'>,
  _ctx: RequestContext,
  input: { retentionMs?: number } = {},
): Promise<{ deleted: number }> {
  const before = new Date(deps.clock.now().getTime() - (input.retentionMs ?? EXPIRED_INVITATION_RETENTION_MS));
  return { deleted: await deps.uow.transaction((r) => r.invitations.deleteExpired(before)) };
}
