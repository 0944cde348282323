import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * A real OpenID Connect provider (oidc-provider) in the test process, on 127.0.0.1 and a random port. Its login is
 * automatic: the next authorization request signs in `nextAccount`, and consent is granted (loadExistingGrant).
 * `tamper` re-signs the next ID token with the provider's own key after changing claims, standing for a provider
 * that issues a token for another client or under another issuer.
 */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, { email: string; emailVerified: boolean; name: string }>;
  nextAccount: string;
  tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  addRedirectUri(uri: string): void;
  close(): Promise<void>;
}

export async function startTestIdp(redirectUris: string[]): Promise<TestIdp> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const uris = [...redirectUris];
  const idp = {
    issuer,
    clientId: 'ismap-hub',
    clientSecret: 'test-client-secret-0123456789',
    accounts: new Map(),
    nextAccount: '',
    tamper: null,
    addRedirectUri: (uri: string) => void uris.push(uri),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  } as TestIdp;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: uris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    ttl: { IdToken: 60, AccessToken: 60, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const a = idp.accounts.get(id);
      if (!a) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: a.email, email_verified: a.emailVerified, name: a.name }),
      };
    },
  });
  provider.use(async (ctx, next) => {
    if (ctx.path.startsWith('/interaction/')) {
      await provider.interactionDetails(ctx.req, ctx.res);
      ctx.respond = false;
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: idp.nextAccount } });
      return;
    }
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && idp.tamper && body?.id_token) {
      const claims = idp.tamper(decodeJwt(body.id_token));
      idp.tamper = null;
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
    }
  });
  server.on('request', provider.callback());
  return idp;
}
