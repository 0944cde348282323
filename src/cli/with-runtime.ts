import { systemActor } from '../core/identity';
import type { RequestContext } from '../app/context';
import { parseConfig } from '../server/config';
import type { CommandContext } from './command';
import { openRuntime, type Runtime } from './runtime';
import { ensureCatalogs } from './startup';

/** The operator on the host acts as the system actor; audit events name the CLI as the request. */
export const cliContext: RequestContext = { actor: systemActor, requestId: 'cli' };

/** Opens the configured database (quietly), runs `fn`, and closes it. With `catalogs`, loads bundled catalogs into an empty database first. */
export async function withRuntime<T>(
  ctx: CommandContext,
  fn: (runtime: Runtime) => Promise<T>,
  opts: { catalogs?: boolean } = {},
): Promise<T> {
  const config = parseConfig(ctx.env, ctx.cwd);
  const runtime = await openRuntime({ ...config, logLevel: 'silent' });
  try {
    if (opts.catalogs) await ensureCatalogs(runtime);
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
