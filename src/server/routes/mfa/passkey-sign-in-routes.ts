import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { apiRouter } from '../../openapi';
import { anonymous } from '../../token-scope';
import type { HonoEnv } from '../../env';
import { signInWithPasskey, startPasskeySignIn } from '../../../app/use-cases/sessions/sign-in-with-passkey';
import { SESSION_ABSOLUTE_MS } from '../../../app/use-cases/sessions/sign-in';
import { WEBAUTHN_CHALLENGE_MS } from '../../../core/mfa';
import { authenticateSession } from '../../../app/use-cases/sessions/authenticate-session';
import { SESSION_COOKIE, clientIp } from '../../middleware/request-context';
import { SessionInfo, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { sessionInfo } from '../sessions/routes';
import { relyingParty } from './presenter';
import { WebAuthnOptions, WebAuthnResponse } from './schemas';

const tags = ['Authentication'];
/** Binds a started passkey sign-in to the browser that started it (no session exists yet). */
const PASSKEY_COOKIE = 'ismap_passkey';
const PASSKEY_COOKIE_PATH = '/api/v1/auth/passkey';

const optionsRoute = createRoute({
  ...anonymous,
  method: 'post',
  path: '/auth/passkey/options',
  tags,
  summary: 'Start signing in with a passkey (no password): WebAuthn options for a discoverable credential',
  description:
    'No credentials are listed: the authenticator offers its passkeys for this site. User verification is ' +
    'required. The challenge is bound to this browser by an HttpOnly cookie and answers one sign-in within 5 minutes.',
  responses: { 200: jsonOk(WebAuthnOptions, 'Options for navigator.credentials.get()'), ...errorResponses },
});
const signInRoute = createRoute({
  ...anonymous,
  method: 'post',
  path: '/auth/passkey',
  tags,
  summary: 'Sign in with a passkey; sets the session cookie',
  description:
    'The credential finds the user by its user handle. A passkey that verified its user is two factors, so the ' +
    'session is fully signed in (also where a second factor is required). Refused: an unknown credential, another ' +
    'or a used challenge, no user verification, a signature counter that did not grow, a disabled or an SSO-only ' +
    'user. Throttled and audited like a password sign-in.',
  request: {
    body: jsonBody(z.object({ response: WebAuthnResponse }).openapi('PasskeySignIn')),
  },
  responses: {
    200: jsonOk(SessionInfo, 'Signed in'),
    ...errorResponses,
    429: { description: 'Too many failed attempts (see Retry-After)' },
  },
});

function secure(c: Context<HonoEnv>): boolean {
  const mode = c.get('deps').secureCookies;
  if (mode !== 'auto') return mode === 'true';
  const proto = c.get('deps').trustProxy ? c.req.header('x-forwarded-proto') : undefined;
  return (proto ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

export function passkeySignInRoutes() {
  const app = apiRouter();
  app.openapi(optionsRoute, async (c) => {
    const { options, browserToken } = await startPasskeySignIn(c.get('deps'), { rp: relyingParty(c) });
    setCookie(c, PASSKEY_COOKIE, browserToken, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secure(c),
      path: PASSKEY_COOKIE_PATH,
      maxAge: WEBAUTHN_CHALLENGE_MS / 1000,
    });
    return c.json(options, 200);
  });
  app.openapi(signInRoute, async (c) => {
    const deps = c.get('deps');
    const browserToken = getCookie(c, PASSKEY_COOKIE) ?? null;
    // The challenge is single use whatever the outcome: the cookie goes with it.
    setCookie(c, PASSKEY_COOKIE, '', { path: PASSKEY_COOKIE_PATH, maxAge: 0 });
    const { token } = await signInWithPasskey(deps, {
      response: c.req.valid('json').response,
      browserToken,
      rp: relyingParty(c),
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
    c.set('auth', await authenticateSession(deps, token));
    return c.json(await sessionInfo(c), 200);
  });
  return app;
}
