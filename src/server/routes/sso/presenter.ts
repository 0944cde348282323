import type { SsoConfiguration } from '../../../core/sso/model';

/** SSO settings as the API shows them: whether a client secret is set, never the secret (sealed or not). */
export const presentSsoConfiguration = (c: SsoConfiguration) => ({
  orgId: c.orgId,
  issuer: c.issuer,
  clientId: c.clientId,
  hasClientSecret: c.clientSecretSealed !== null,
  allowedDomains: c.allowedDomains,
  defaultRole: c.defaultRole,
  jitProvisioning: c.jitProvisioning,
  enabled: c.enabled,
  updatedAt: c.updatedAt.toISOString(),
});
