import * as oidc from 'openid-client';
import { OidcFailure, type OidcClient, type OidcClientSettings } from '../app/ports/sso';

/** Plain http is allowed only for an identity provider on this machine (development, the in-process test provider). */
const isLoopback = (u: URL) => ['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname);

/** The refusal a library error stands for; the message goes to the log, never a token. */
function failureOf(e: unknown): OidcFailure {
  if (e instanceof OidcFailure) return e;
  type LibError = { code?: string; message?: string; cause?: unknown };
  const err = e as LibError;
  // openid-client wraps oauth4webapi's error, whose cause names the claim that failed.
  const inner = (err?.cause ?? {}) as LibError;
  const message = inner.message ?? err?.message ?? String(e);
  if (e instanceof oidc.AuthorizationResponseError || e instanceof oidc.ResponseBodyError)
    return new OidcFailure('idp_error', message);
  const claim =
    (inner.cause as { claim?: string } | undefined)?.claim ?? (err?.cause as { claim?: string } | undefined)?.claim;
  switch (err?.code) {
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      if (claim === 'aud' || claim === 'azp') return new OidcFailure('wrong_audience', message);
      if (claim === 'iss') return new OidcFailure('issuer_mismatch', message);
      if (claim === 'nonce') return new OidcFailure('nonce_mismatch', message);
      return new OidcFailure('id_token_invalid', message);
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return new OidcFailure(claim === 'nbf' ? 'id_token_invalid' : 'token_expired', message);
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
      // The discovery document names another issuer than the one configured, or the response's `iss` differs.
      return new OidcFailure('issuer_mismatch', message);
    case 'OAUTH_TIMEOUT':
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
      return new OidcFailure('idp_unreachable', message);
    default:
      if (e instanceof TypeError || (err as { name?: string })?.name === 'AbortError')
        return new OidcFailure('idp_unreachable', message);
      return new OidcFailure('id_token_invalid', message);
  }
}

async function configurationOf(s: OidcClientSettings, skewSeconds = 0): Promise<oidc.Configuration> {
  const url = new URL(s.issuer);
  const metadata: Partial<oidc.ClientMetadata> = { [oidc.clockSkew]: skewSeconds };
  const auth = s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None();
  try {
    return await oidc.discovery(url, s.clientId, metadata, auth, {
      execute: isLoopback(url) && url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
  } catch (e) {
    const f = failureOf(e);
    throw f.reason === 'id_token_invalid' ? new OidcFailure('idp_unreachable', f.message) : f;
  }
}

/**
 * The relying party over openid-client: discovery, authorization code flow with PKCE (S256), state and nonce.
 * openid-client checks the ID token's signature, issuer, audience, expiry and nonce; the clock skew makes those
 * checks use the application's clock, so a test can move time.
 */
export const openIdClient: OidcClient = {
  codeVerifier: () => oidc.randomPKCECodeVerifier(),
  async authorizationUrl(s, p) {
    const config = await configurationOf(s);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: p.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(p.codeVerifier),
      code_challenge_method: 'S256',
      state: p.state,
      nonce: p.nonce,
    });
    return url.href;
  },
  async callback(s, p) {
    const skew = Math.round((p.now.getTime() - Date.now()) / 1000);
    const config = await configurationOf(s, skew);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(p.callbackUrl), {
        pkceCodeVerifier: p.codeVerifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      const c = tokens.claims();
      if (!c) throw new OidcFailure('id_token_invalid', 'no ID token');
      return {
        issuer: c.iss,
        subject: c.sub,
        email: typeof c.email === 'string' ? c.email.trim().toLowerCase() : null,
        emailVerified: c.email_verified === true,
        name: typeof c.name === 'string' ? c.name : null,
      };
    } catch (e) {
      throw failureOf(e);
    }
  },
};
