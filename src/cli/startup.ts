import { systemActor } from '../core/identity';
import type { RequestContext } from '../app/context';
import { syncBundledCatalogs, type SyncReport } from '../app/use-cases/sync-bundled-catalogs';
import { loadBundledContent } from '../formats/bundled';
import type { Runtime } from './runtime';

/** Loads the shipped catalogs and mapping sets; unchanged ones are skipped, so this is cheap after the first run. */
export async function syncBundled(runtime: Runtime, ctx: RequestContext = { actor: systemActor, requestId: 'startup' }): Promise<SyncReport> {
  const content = await loadBundledContent();
  for (const w of content.warnings) runtime.deps.logger.debug({ warning: w }, 'bundled content');
  const report = await syncBundledCatalogs(runtime.deps, ctx, content);
  if (report.written > 0) runtime.deps.logger.info({ written: report.written }, 'bundled catalogs loaded');
  return report;
}

/** For CLI commands that read catalogs: load the bundled ones into an empty database first. */
export async function ensureCatalogs(runtime: Runtime): Promise<void> {
  if ((await runtime.deps.uow.read.catalogs.listEditions()).length === 0) await syncBundled(runtime, { actor: systemActor, requestId: 'cli' });
}

/** Work done at every start after migrations. Idempotent. */
export async function startupTasks(runtime: Runtime): Promise<void> {
  await syncBundled(runtime);
}
