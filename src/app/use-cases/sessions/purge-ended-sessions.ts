import type { AppDeps, RequestContext } from '../../context';
import { SESSION_IDLE_MS } from './sign-in';

/** How long an ended session's row is kept (it shows in the account's session list until then). */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * Deletes sessions that ended (expired, revoked, idle) more than the retention ago: a scheduled job. Not audited,
 * like expired sign-in counters: the sign-ins and revocations themselves are audit events already, and the rows are
 * dead (no request can authenticate with them).
 */
export async function purgeEndedSessions(
  deps: Pick<AppDeps, 'uow' | 'clock'>,
  _ctx: RequestContext,
  input: { retentionMs?: number } = {},
): Promise<{ deleted: number }> {
  const endedBefore = new Date(deps.clock.now().getTime() - (input.retentionMs ?? ENDED_SESSION_RETENTION_MS));
  const idleBefore = new Date(endedBefore.getTime() - SESSION_IDLE_MS);
  return { deleted: await deps.uow.transaction((r) => r.sessions.deleteEnded(endedBefore, idleBefore)) };
}
