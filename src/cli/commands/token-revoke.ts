import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { revokeApiToken } from '../../app/use-cases/api-tokens/revoke-api-token';
import { cliContext, withRuntime } from '../with-runtime';

export const command: Command = {
  name: 'token revoke',
  summary: 'Revoke an API token by its id: the next request with it is refused',
  help: `Usage: ismap token revoke <id> [--json]

Revokes the token (ids are listed by "ismap token list"). Recorded in the audit log as done by the operator.

Options:
  --json      Machine-readable output
  -h, --help  Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, {}, true);
    if (positionals.length !== 1 || !/^[0-9a-f-]{36}$/i.test(positionals[0]!))
      throw new UsageError('expected one token id (a UUID, see ismap token list)');
    const t = await withRuntime(ctx, (runtime) => revokeApiToken(runtime.deps, cliContext, positionals[0]!));
    if (values.json) writeJson(ctx.stdout, { id: t.id, revokedAt: t.revokedAt?.toISOString() ?? null });
    else ctx.stdout.write(`Revoked API token ${t.id} "${t.name}"\n`);
    return 0;
  },
};
