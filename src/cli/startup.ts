import type { Runtime } from './runtime';

/** Work done at every start after migrations (loading bundled catalogs joins here). Idempotent. */
export async function startupTasks(_runtime: Runtime): Promise<void> {}
