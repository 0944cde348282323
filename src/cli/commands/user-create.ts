import { randomBytes } from 'node:crypto';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { createUser } from '../../app/use-cases/users/create-user';
import { systemActor, roles, type Role } from '../../core/identity';
import { DomainError } from '../../core/errors';

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  let s = '';
  for await (const chunk of stream) s += chunk.toString();
  return s.replace(/\r?\n$/, '');
}

export const command: Command = {
  name: 'user create',
  summary: 'Create a user (the first platform administrator, or a member of an organization)',
  help: `Usage: ismap user create --email <email> --name <display name> [--admin] [--org <slug> --role <admin|editor|viewer>] [--password-stdin] [--json]

Creates a user. Without --password-stdin a random password is generated and printed once.
Recorded in the audit log as done by the system operator.

Options:
  --email <email>     Sign-in email (required)
  --name <name>       Display name (required)
  --admin             Make the user a platform administrator
  --org <slug>        Add the user to this organization
  --role <role>       Role in --org (default: viewer)
  --password-stdin    Read the password from standard input (at least 12 characters)
  --json              Machine-readable output
  -h, --help          Show this help

Example:
  ismap user create --email admin@example.go.jp --name "管理者" --admin`,
  async run(ctx) {
    const { values } = parse(ctx.argv, {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean' },
      org: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    if (!values.email || !values.name) throw new UsageError('--email and --name are required');
    if (values.role && !(roles as readonly string[]).includes(values.role))
      throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    if (values.role && !values.org) throw new UsageError('--role needs --org');
    const generated = !values['password-stdin'];
    const password = generated ? randomBytes(12).toString('base64url') : await readStdin(process.stdin);
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' });
    try {
      const memberships = [];
      if (values.org) {
        const org = await runtime.deps.uow.read.organizations.getBySlug(values.org);
        if (!org) throw new DomainError('not_found', `No organization with slug "${values.org}"`);
        memberships.push({ orgId: org.id, role: (values.role ?? 'viewer') as Role });
      }
      const user = await createUser(
        runtime.deps,
        { actor: systemActor, requestId: 'cli' },
        { email: values.email, displayName: values.name, password, isPlatformAdmin: !!values.admin, memberships },
      );
      if (values.json) writeJson(ctx.stdout, { user, ...(generated ? { password } : {}) });
      else
        ctx.stdout.write(
          `Created ${user.isPlatformAdmin ? 'platform administrator' : 'user'} ${user.email} (${user.id})${generated ? `\nPassword (shown once): ${password}` : ''}\n`,
        );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
