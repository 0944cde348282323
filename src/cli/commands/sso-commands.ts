import { readFileSync } from 'node:fs';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { configureSso, configureSsoInput } from '../../app/use-cases/sso/configure-sso';
import { getSsoConfiguration } from '../../app/use-cases/sso/get-sso-configuration';
import { systemActor } from '../../core/identity';
import { DomainError, issuesFromZod } from '../../core/errors';
import type { SsoConfiguration } from '../../core/sso/model';

const shown = (c: SsoConfiguration) => ({
  issuer: c.issuer,
  clientId: c.clientId,
  hasClientSecret: c.clientSecretSealed !== null,
  allowedDomains: c.allowedDomains,
  defaultRole: c.defaultRole,
  jitProvisioning: c.jitProvisioning,
  enabled: c.enabled,
});

const onOff = (v: string | undefined, name: string, fallback: boolean) => {
  if (v === undefined) return fallback;
  if (v === 'on' || v === 'off') return v === 'on';
  throw new UsageError(`--${name} must be on or off`);
};

export const set: Command = {
  name: 'sso set',
  summary: "Set an organization's OpenID Connect single sign-on (the operator)",
  help: `Usage: ismap sso set <org-slug> --issuer <url> --client-id <id> --domains <a,b> [options] [--json]

Sets the organization's identity provider. The client secret is read from a file (never from the command line,
where it would land in the shell history) and stored sealed with ISMAP_SSO_SECRET_KEY. Options left out keep their
current value (new settings: role viewer, provisioning off, enabled on). Recorded in the audit log.

Options:
  --issuer <url>             The identity provider's issuer URL (discovery: <url>/.well-known/openid-configuration)
  --client-id <id>           The client id registered at the identity provider
  --client-secret-file <f>   A file holding the client secret; --no-client-secret removes it (public client)
  --no-client-secret
  --domains <a,b>            Allowed email domains, comma-separated
  --role <role>              Role for new members: admin, editor or viewer
  --jit <on|off>             Create accounts on first sign-in
  --enabled <on|off>         Offer single sign-on
  --json                     Machine-readable output

Example:
  ismap sso set digital-agency --issuer https://login.example.go.jp --client-id ismap-hub \\
    --client-secret-file /run/secrets/oidc --domains example.go.jp --role viewer --jit on`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      {
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret-file': { type: 'string' },
        'no-client-secret': { type: 'boolean' },
        domains: { type: 'string' },
        role: { type: 'string' },
        jit: { type: 'string' },
        enabled: { type: 'string' },
      },
      true,
    );
    const slug = positionals[0];
    if (!slug || positionals.length > 1) throw new UsageError('give one organization slug');
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' });
    try {
      const sys = { actor: systemActor, requestId: 'cli' };
      const org = await runtime.deps.uow.read.organizations.getBySlug(slug);
      if (!org) throw new DomainError('not_found', `No organization with slug "${slug}"`);
      const current = await getSsoConfiguration(runtime.deps, sys, org.id);
      const secret = values['no-client-secret']
        ? null
        : values['client-secret-file']
          ? readFileSync(values['client-secret-file'], 'utf8').trim()
          : undefined;
      const parsed = configureSsoInput.safeParse({
        issuer: values.issuer ?? current?.issuer,
        clientId: values['client-id'] ?? current?.clientId,
        clientSecret: secret,
        allowedDomains: values.domains ? values.domains.split(',') : current?.allowedDomains,
        defaultRole: values.role ?? current?.defaultRole ?? 'viewer',
        jitProvisioning: onOff(values.jit, 'jit', current?.jitProvisioning ?? false),
        enabled: onOff(values.enabled, 'enabled', current?.enabled ?? true),
      });
      if (!parsed.success)
        throw new DomainError('validation_failed', 'Invalid SSO settings', issuesFromZod(parsed.error.issues));
      const saved = await configureSso(runtime.deps, sys, org.id, parsed.data);
      if (values.json) writeJson(ctx.stdout, shown(saved));
      else ctx.stdout.write(`Single sign-on of ${slug}: ${saved.enabled ? 'enabled' : 'disabled'} (${saved.issuer})\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

export const show: Command = {
  name: 'sso show',
  summary: "Show an organization's single sign-on settings (never the secret)",
  help: `Usage: ismap sso show <org-slug> [--json]`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, {}, true);
    const slug = positionals[0];
    if (!slug || positionals.length > 1) throw new UsageError('give one organization slug');
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' }, { migrate: false });
    try {
      const org = await runtime.deps.uow.read.organizations.getBySlug(slug);
      if (!org) throw new DomainError('not_found', `No organization with slug "${slug}"`);
      const c = await getSsoConfiguration(runtime.deps, { actor: systemActor, requestId: 'cli' }, org.id);
      if (values.json) writeJson(ctx.stdout, c ? shown(c) : null);
      else if (!c) ctx.stdout.write(`${slug} has no single sign-on settings\n`);
      else
        for (const [k, v] of Object.entries(shown(c)))
          ctx.stdout.write(`${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
