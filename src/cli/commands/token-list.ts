import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { listApiTokens } from '../../app/use-cases/api-tokens/list-api-tokens';
import { scopeNames } from '../../core/policies/token-scopes';
import { cliContext, withRuntime } from '../with-runtime';
import { userByEmail } from '../token-args';

export const command: Command = {
  name: 'token list',
  summary: "List a user's API tokens with their scopes, state and last use",
  help: `Usage: ismap token list --email <email> [--json]

Lists the user's API tokens, newest first: id, name, the first characters of the token, organization, scopes,
state (active, expired, revoked), expiry and the last use (time and address, recorded at most once a minute).
Never the tokens themselves: they are not stored.

Options:
  --email <email>  The user (required)
  --json           Machine-readable output
  -h, --help       Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { email: { type: 'string' } });
    if (!values.email) throw new UsageError('--email is required');
    const tokens = await withRuntime(ctx, async (runtime) =>
      listApiTokens(runtime.deps, cliContext, (await userByEmail(runtime, values.email!)).id),
    );
    const rows = tokens.map((t) => ({
      id: t.id,
      name: t.name,
      hint: t.hint,
      orgId: t.orgId,
      scopes: scopeNames(t),
      state: t.state,
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      lastUsedIp: t.lastUsedIp,
    }));
    if (values.json) writeJson(ctx.stdout, rows);
    else if (!rows.length) ctx.stdout.write(`${values.email} has no API tokens\n`);
    else
      for (const r of rows)
        ctx.stdout.write(
          `${r.id}  ${r.state.padEnd(7)}  ${r.hint}…  ${r.name}  ${r.scopes.join(' ')}  expires ${r.expiresAt}  last used ${r.lastUsedAt ? `${r.lastUsedAt} from ${r.lastUsedIp ?? '?'}` : 'never'}\n`,
        );
    return 0;
  },
};
