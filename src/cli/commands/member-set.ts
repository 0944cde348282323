import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { setMembership } from '../../app/use-cases/organizations/set-membership';
import { systemActor, roles, type Role } from '../../core/identity';
import { DomainError } from '../../core/errors';

export const command: Command = {
  name: 'member set',
  summary: 'Add an existing user to an organization, or change their role, directly (the operator)',
  help: `Usage: ismap member set --org <slug> --email <email> --role <admin|editor|viewer> [--json]

Makes the user a member of the organization with the role, or changes their role there, without an invitation.
In the web app and the API, organization admins invite people instead and a person joins only by accepting;
this command is for the operator on the host, who has the whole database anyway (for example to appoint the
first admin of a new organization). The user's active organization does not change. Recorded in the audit log as
done by the system operator, under the organization.

Options:
  --org <slug>        The organization (required)
  --email <email>     The user's sign-in email (required; the user must exist: see ismap user create)
  --role <role>       admin, editor or viewer (required)
  --json              Machine-readable output
  -h, --help          Show this help

Example:
  ismap member set --org demo-cloud --email yamada@example.co.jp --role admin`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
    });
    if (!values.org || !values.email || !values.role) throw new UsageError('--org, --email and --role are required');
    if (!(roles as readonly string[]).includes(values.role))
      throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' });
    try {
      const org = await runtime.deps.uow.read.organizations.getBySlug(values.org);
      if (!org) throw new DomainError('not_found', `No organization with slug "${values.org}"`);
      const m = await setMembership(runtime.deps, { actor: systemActor, requestId: 'cli' }, org.id, {
        email: values.email,
        role: values.role as Role,
      });
      if (values.json) writeJson(ctx.stdout, { orgId: m.orgId, userId: m.userId, role: m.role });
      else ctx.stdout.write(`${values.email} is now ${m.role} of ${org.slug}\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
