import type { Logger } from 'pino';
import type { AppDeps } from '../app/context';
import { jobRunner, type JobRunner } from '../app/jobs/job-runner';
import { maintenanceHandlers, maintenanceSchedules } from '../app/jobs/maintenance-jobs';
import type { Ticker } from '../app/ports/services';

/** The job queue's worker while `ismap serve` runs, polling every `pollSeconds` (0: no worker in this process). */
export function startJobs(
  deps: Pick<AppDeps, 'uow' | 'clock' | 'ids'>,
  logger: Pick<Logger, 'info' | 'warn' | 'error'>,
  pollSeconds: number,
  ticker: Ticker,
): Pick<JobRunner, 'stop'> {
  if (pollSeconds <= 0) return { stop: async () => undefined };
  const runner = jobRunner(deps, {
    worker: `serve-${process.pid}-${deps.ids.uuid()}`,
    handlers: maintenanceHandlers(deps, (msg, details) => {
      if (Number(details.deleted) > 0) logger.info(details, msg);
    }),
    schedules: maintenanceSchedules,
    onSuccess: (job) => logger.info({ job: job.name, key: job.key, attempt: job.attempts }, 'job done'),
    onFailure: (job, err, retryAt) =>
      (retryAt ? logger.warn : logger.error)({ err, job: job.name, key: job.key, retryAt }, 'job failed'),
  });
  runner.start(ticker, pollSeconds * 1000);
  return runner;
}
