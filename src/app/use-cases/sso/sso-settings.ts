import type { SsoConfiguration } from '../../../core/sso/model';
import type { AppDeps } from '../../context';
import type { OidcClientSettings } from '../../ports/sso';

/** The client settings openid-client needs, with the secret unsealed for this one request. */
export function settingsOf(deps: AppDeps, c: SsoConfiguration): OidcClientSettings {
  const secret = c.clientSecretSealed && deps.sso?.secrets ? deps.sso.secrets.open(c.clientSecretSealed) : null;
  return { issuer: c.issuer, clientId: c.clientId, clientSecret: secret };
}
