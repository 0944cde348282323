import { systemActor } from '../core/identity';
import type { RequestContext } from '../app/context';
import { syncBundledCatalogs, type SyncReport } from '../app/use-cases/catalogs/sync-bundled-catalogs';
import { bundledFingerprint, loadBundledContent } from '../formats/bundled';
import type { Runtime } from './runtime';

const FINGERPRINT_KEY = 'bundled_fingerprint';

/**
 * Loads the shipped catalogs and mapping sets; unchanged ones are skipped. When the content files and their loader
 * are byte-for-byte what was loaded last time, nothing is even parsed (`force` parses and compares anyway).
 */
export async function syncBundled(
  runtime: Runtime,
  ctx: RequestContext = { actor: systemActor, requestId: 'startup' },
  force = false,
): Promise<SyncReport | null> {
  const settings = runtime.deps.uow.read.settings;
  const fingerprint = await bundledFingerprint();
  if (
    !force &&
    (await settings.get(FINGERPRINT_KEY)) === fingerprint &&
    (await runtime.deps.uow.read.catalogs.listEditions()).length > 0
  )
    return null;
  const content = await loadBundledContent();
  for (const w of content.warnings) runtime.deps.logger.debug({ warning: w }, 'bundled content');
  const report = await syncBundledCatalogs(runtime.deps, ctx, content);
  if (report.written > 0) runtime.deps.logger.info({ written: report.written }, 'bundled catalogs loaded');
  await settings.put(FINGERPRINT_KEY, fingerprint, runtime.deps.clock.now());
  return report;
}

/** For CLI commands that read catalogs: load the bundled ones into an empty database first. */
export async function ensureCatalogs(runtime: Runtime): Promise<void> {
  if ((await runtime.deps.uow.read.catalogs.listEditions()).length === 0)
    await syncBundled(runtime, { actor: systemActor, requestId: 'cli' });
}

/** Work done at every start after migrations. Idempotent. */
export async function startupTasks(runtime: Runtime): Promise<void> {
  await syncBundled(runtime);
}
