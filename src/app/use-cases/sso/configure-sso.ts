import { z } from 'zod';
import { DomainError, notFound } from '../../../core/errors';
import { roles } from '../../../core/identity';
import { authorize, ssoPolicy } from '../../../core/policies';
import { normalizeDomains, type SsoConfiguration } from '../../../core/sso/model';
import type { AppDeps, RequestContext } from '../../context';
import { recordAudit } from '../../record-audit';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain such as example.go.jp');

export const configureSsoInput = z.object({
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(300),
  /** A new secret; null removes it (a public client); left out keeps the stored one. Never returned. */
  clientSecret: z.string().min(1).max(1000).nullable().optional(),
  allowedDomains: z.array(domain).min(1).max(50),
  defaultRole: z.enum(roles),
  jitProvisioning: z.boolean(),
  enabled: z.boolean(),
});
export type ConfigureSsoInput = z.infer<typeof configureSsoInput>;

/** Sets an organization's identity provider (its admins, platform administrators). The secret is sealed first. */
export async function configureSso(
  deps: AppDeps,
  ctx: RequestContext,
  orgId: string,
  input: ConfigureSsoInput,
): Promise<SsoConfiguration> {
  let sealed: string | null | undefined;
  if (input.clientSecret) {
    if (!deps.sso?.secrets)
      throw new DomainError(
        'conflict',
        'The server has no ISMAP_SSO_SECRET_KEY, so it cannot store a client secret.',
        [{ path: ['clientSecret'], message: 'no server key' }],
        { reason: 'sso_secret_key_missing' },
      );
    sealed = deps.sso.secrets.seal(input.clientSecret);
  } else sealed = input.clientSecret === null ? null : undefined;
  return deps.uow.transaction(async (r) => {
    const org = await r.organizations.get(orgId);
    if (!org) throw notFound('organization');
    authorize(ssoPolicy, ctx.actor, 'configure', { orgId }, 'organization');
    const before = await r.sso.getConfiguration(orgId);
    const now = deps.clock.now();
    const after: SsoConfiguration = {
      orgId,
      issuer: input.issuer.replace(/\/+$/, ''),
      clientId: input.clientId,
      clientSecretSealed: sealed === undefined ? (before?.clientSecretSealed ?? null) : sealed,
      allowedDomains: normalizeDomains(input.allowedDomains),
      defaultRole: input.defaultRole,
      jitProvisioning: input.jitProvisioning,
      enabled: input.enabled,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await r.sso.putConfiguration(after);
    // The digests cover the settings, not the sealed secret: whether one is set is what the log says.
    const { clientSecretSealed: _b, ...b } = before ?? { clientSecretSealed: null };
    const { clientSecretSealed: _a, ...a } = after;
    await recordAudit(r, deps, ctx, {
      action: 'sso.configure',
      targetType: 'organization',
      targetId: orgId,
      before: before ? b : undefined,
      after: a,
      orgId,
      details: {
        issuer: after.issuer,
        enabled: after.enabled,
        jitProvisioning: after.jitProvisioning,
        secretChanged: sealed !== undefined,
      },
    });
    return after;
  });
}
