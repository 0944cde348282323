import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { DomainError } from '../../core/errors';
import { createApiToken } from '../../app/use-cases/api-tokens/create-api-token';
import { scopeNames } from '../../core/policies/token-scopes';
import { cliContext, withRuntime } from '../with-runtime';
import { accessOption, daysOption, resourcesOption, userByEmail } from '../token-args';

export const command: Command = {
  name: 'token create',
  summary: 'Create an API token for a user (the operator on the host); prints the token once',
  help: `Usage: ismap token create --email <email> --name <name> --access <read,write> --resources <list|all>
                          --expires-days <n> [--org <slug> | --platform] [--json]

Creates an API token that acts as the user in one organization, limited to its scopes, and prints it once: only
its SHA-256 is stored, so copy it now (people create their own on the account page). Use it with
"Authorization: Bearer <token>" or with any ismap command that takes --server (as ISMAP_TOKEN).

Options:
  --email <email>      The token's user (required)
  --name <name>        What it is for, e.g. "nightly export" (required)
  --access <list>      read, write, or read,write (required)
  --resources <list>   catalogs, mappings, organizations, audit, cloud-services, statements, evidence, or all (required)
  --expires-days <n>   Days until it expires, at most 365 (required)
  --org <slug>         The organization it acts in (default: the one the user signs in to)
  --platform           A platform administrator's token acting for no organization
  --json               Machine-readable output (the token is in "token")
  -h, --help           Show this help

Example:
  ismap token create --email ci@example.jp --name export --access read --resources catalogs,mappings --expires-days 90`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {
      email: { type: 'string' },
      name: { type: 'string' },
      access: { type: 'string' },
      resources: { type: 'string' },
      'expires-days': { type: 'string' },
      org: { type: 'string' },
      platform: { type: 'boolean' },
    });
    if (!values.email || !values.name) throw new UsageError('--email and --name are required');
    if (values.org && values.platform) throw new UsageError('--org and --platform exclude each other');
    const input = {
      name: values.name,
      access: accessOption(values.access),
      resources: resourcesOption(values.resources),
      expiresInDays: daysOption(values['expires-days']),
    };
    const r = await withRuntime(ctx, async (runtime) => {
      const user = await userByEmail(runtime, values.email!);
      let orgId: string | null | undefined = values.platform ? null : undefined;
      if (values.org) {
        const org = await runtime.deps.uow.read.organizations.getBySlug(values.org);
        if (!org) throw new DomainError('not_found', `No organization with slug "${values.org}"`);
        orgId = org.id;
      }
      return createApiToken(runtime.deps, cliContext, user.id, { ...input, orgId });
    });
    const t = r.apiToken;
    if (values.json)
      writeJson(ctx.stdout, {
        token: r.token,
        id: t.id,
        name: t.name,
        orgId: t.orgId,
        scopes: scopeNames(t),
        expiresAt: t.expiresAt.toISOString(),
      });
    else {
      ctx.stdout.write(`${r.token}\n`);
      ctx.stderr.write(
        `API token ${t.id} "${t.name}" (${scopeNames(t).join(' ')}), expires ${t.expiresAt.toISOString()}.\n` +
          'Copy it now: it is not shown again.\n',
      );
    }
    return 0;
  },
};
