import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { apiRouter } from '../../openapi';
import type { HonoEnv } from '../../env';
import { configureSso, configureSsoInput } from '../../../app/use-cases/sso/configure-sso';
import { getSsoConfiguration } from '../../../app/use-cases/sso/get-sso-configuration';
import { startSsoInput, startSsoSignIn } from '../../../app/use-cases/sso/start-sso-sign-in';
import { completeSsoSignIn, SsoRefused } from '../../../app/use-cases/sso/complete-sso-sign-in';
import { SESSION_ABSOLUTE_MS } from '../../../app/use-cases/sessions/sign-in';
import { roles } from '../../../core/identity';
import { isDomainError } from '../../../core/errors';
import { SESSION_COOKIE, clientIp, requestCtx } from '../../middleware/request-context';
import { IdParam, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { presentSsoConfiguration } from './presenter';
import { anonymous, sessionOnly } from '../../token-scope';
import { requireRecentAuth } from '../../middleware/recent-auth';

/** Binds a started sign-in to the browser that started it; Lax so the identity provider's redirect carries it. */
const SSO_COOKIE = 'ismap_sso';
const SSO_COOKIE_PATH = '/api/v1/auth/sso';
const CALLBACK_PATH = '/api/v1/auth/sso/callback';

const SsoConfigurationSchema = z
  .object({
    orgId: z.uuid(),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean().openapi({ description: 'The secret itself is never returned' }),
    allowedDomains: z.array(z.string()),
    defaultRole: z.enum(roles),
    jitProvisioning: z.boolean(),
    enabled: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('SsoConfiguration');

const getConfig = createRoute({
  method: 'get',
  path: '/organizations/{id}/sso',
  ...sessionOnly,
  tags: ['Organizations'],
  summary: "The organization's single sign-on settings (its admins, platform administrators)",
  request: { params: IdParam },
  responses: {
    200: jsonOk(z.object({ configuration: SsoConfigurationSchema.nullable() }), 'Settings (null when none)'),
    ...errorResponses,
  },
});
const putConfig = createRoute({
  method: 'put',
  path: '/organizations/{id}/sso',
  ...sessionOnly,
  tags: ['Organizations'],
  summary: 'Set the organization’s OpenID Connect identity provider (its admins, platform administrators)',
  description:
    'Needs a recent proof of identity (sign-in or POST /auth/reauthenticate within the last 10 minutes): whoever ' +
    'sets the identity provider decides who signs in as the organization’s members, so a stolen session alone must ' +
    'not be able to point sign-in elsewhere. Otherwise 403 with `reason: reauthentication_required`.',
  request: { params: IdParam, body: jsonBody(configureSsoInput.meta({ id: 'SsoConfigurationInput' })) },
  responses: {
    200: jsonOk(SsoConfigurationSchema, 'Saved'),
    ...errorResponses,
    403: {
      description: 'Not allowed; `reason: reauthentication_required` when the last proof of identity is too old',
      content: errorResponses[403].content,
    },
    409: errorResponses[400],
  },
});
const start = createRoute({
  method: 'post',
  path: '/auth/sso/start',
  ...anonymous,
  tags: ['Authentication'],
  summary: 'Start single sign-on for an email domain or an organization; answers the identity provider URL',
  request: { body: jsonBody(startSsoInput.meta({ id: 'SsoStartRequest' })) },
  responses: {
    200: jsonOk(z.object({ url: z.url() }).openapi('SsoStart'), 'Go to this URL'),
    ...errorResponses,
    409: errorResponses[400],
  },
});
const callback = createRoute({
  method: 'get',
  path: '/auth/sso/callback',
  ...anonymous,
  tags: ['Authentication'],
  summary: 'Where the identity provider sends the browser back; signs in and redirects to the web app',
  request: {
    query: z.object({
      state: z.string().max(200).optional(),
      code: z.string().max(2000).optional(),
      iss: z.string().max(500).optional(),
      error: z.string().max(200).optional(),
      error_description: z.string().max(1000).optional(),
    }),
  },
  responses: {
    302: { description: 'To the web app: signed in, or `/?sso_error=<reason>` when refused' },
    429: { description: 'Too many refused sign-ins from this address' },
  },
});

function secure(c: Context<HonoEnv>): boolean {
  const mode = c.get('deps').secureCookies;
  if (mode !== 'auto') return mode === 'true';
  const proto = c.get('deps').trustProxy ? c.req.header('x-forwarded-proto') : undefined;
  return (proto ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

/** The callback URL as the browser sees this server (behind a trusted proxy, its forwarded scheme and host). */
function publicOrigin(c: Context<HonoEnv>): string {
  const url = new URL(c.req.url);
  if (c.get('deps').trustProxy) {
    const proto = c.req.header('x-forwarded-proto');
    const host = c.req.header('x-forwarded-host');
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

export function ssoRoutes() {
  const app = apiRouter();
  app.openapi(getConfig, async (c) => {
    const config = await getSsoConfiguration(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ configuration: config ? presentSsoConfiguration(config) : null }, 200);
  });
  app.openapi(putConfig, async (c) => {
    // Pointing the organization's sign-in at an identity provider is a sensitive action: a recent proof of identity.
    requireRecentAuth(c);
    const config = await configureSso(c.get('deps'), requestCtx(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentSsoConfiguration(config), 200);
  });
  app.openapi(start, async (c) => {
    const redirectUri = `${publicOrigin(c)}${CALLBACK_PATH}`;
    const { url, browserToken } = await startSsoSignIn(c.get('deps'), { ...c.req.valid('json'), redirectUri });
    setCookie(c, SSO_COOKIE, browserToken, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: SSO_COOKIE_PATH,
      maxAge: 600,
    });
    return c.json({ url }, 200);
  });
  app.openapi(callback, async (c) => {
    const q = c.req.valid('query');
    const deps = c.get('deps');
    try {
      const { token } = await completeSsoSignIn(deps, {
        state: q.state ?? '',
        // openid-client compares the redirect URI it sent with this URL's origin and path.
        callbackUrl: `${publicOrigin(c)}${CALLBACK_PATH}${new URL(c.req.url).search}`,
        browserToken: getCookie(c, SSO_COOKIE) ?? null,
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
        previousToken: getCookie(c, SESSION_COOKIE) ?? null,
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secure(c),
        path: '/',
        maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
      });
      setCookie(c, SSO_COOKIE, '', { path: SSO_COOKIE_PATH, maxAge: 0 });
      return c.redirect('/', 302);
    } catch (e) {
      if (e instanceof SsoRefused) return c.redirect(`/?sso_error=${e.refusal}`, 302);
      if (isDomainError(e) && e.code === 'too_many_attempts') return c.redirect('/?sso_error=throttled', 302);
      throw e;
    }
  });
  return app;
}
