import { systemActor } from '../../core/identity';
import type { Schedule } from '../../core/jobs';
import type { AppDeps } from '../context';
import { purgeEndedSessions } from '../use-cases/sessions/purge-ended-sessions';
import { purgeExpiredInvitations } from '../use-cases/organizations/purge-expired-invitations';
import type { JobHandler } from './job-runner';

const HOUR = 3600_000;
/** Finished job rows are kept a week for inspection (`SELECT … FROM jobs`), then deleted. */
const FINISHED_JOB_RETENTION_MS = 7 * 24 * HOUR;

/** The recurring work every server schedules; the unique run key makes one of them run each slot. */
export const maintenanceSchedules: Schedule[] = [
  { name: 'sessions.purge_ended', everyMs: HOUR },
  { name: 'invitations.purge_expired', everyMs: HOUR },
  { name: 'jobs.purge_finished', everyMs: 24 * HOUR },
];

export function maintenanceHandlers(
  deps: Pick<AppDeps, 'uow' | 'clock'>,
  log: (msg: string, details: Record<string, unknown>) => void = () => undefined,
): Record<string, JobHandler> {
  const ctx = { actor: systemActor, requestId: 'job' };
  return {
    'sessions.purge_ended': async () => log('ended sessions purged', await purgeEndedSessions(deps, ctx)),
    'invitations.purge_expired': async () =>
      log('expired invitations purged', await purgeExpiredInvitations(deps, ctx)),
    'jobs.purge_finished': async () =>
      log('finished jobs purged', {
        deleted: await deps.uow.read.jobs.purgeFinished(
          new Date(deps.clock.now().getTime() - FINISHED_JOB_RETENTION_MS),
        ),
      }),
  };
}
