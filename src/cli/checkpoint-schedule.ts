import type { Logger } from 'pino';
import { systemActor } from '../core/identity';
import type { AppDeps } from '../app/context';
import type { Ticker } from '../app/ports/services';
import { createAuditCheckpoint } from '../app/use-cases/audit/create-audit-checkpoint';

/**
 * Periodic audit checkpoints while `ismap serve` runs: every `intervalSeconds`, the chain head is signed and
 * appended when it moved since the newest checkpoint. A tick that finds the previous one still running is skipped;
 * a refused checkpoint (a chain that no longer verifies) is logged as an error and tried again next time.
 */
export function scheduleAuditCheckpoints(
  deps: Pick<AppDeps, 'uow' | 'clock' | 'auditCheckpoints'>,
  logger: Pick<Logger, 'info' | 'error'>,
  intervalSeconds: number,
  ticker: Ticker,
): { stop(): Promise<void>; idle(): Promise<void> } {
  if (!deps.auditCheckpoints?.signer || intervalSeconds <= 0)
    return { stop: async () => undefined, idle: async () => undefined };
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = createAuditCheckpoint(deps, { actor: systemActor, requestId: 'checkpoint' }, { onlyIfChanged: true })
      .then((r) => {
        if (r.written) logger.info({ seq: r.written.seq, keyId: r.written.keyId }, 'audit checkpoint written');
      })
      .catch((err: unknown) => logger.error({ err }, 'audit checkpoint failed'))
      .finally(() => (running = null));
  };
  const cancel = ticker.every(intervalSeconds * 1000, tick);
  return {
    stop: async () => {
      cancel();
      await running;
    },
    /** Resolves when no checkpoint is being written (tests). */
    idle: async () => {
      await running;
    },
  };
}
