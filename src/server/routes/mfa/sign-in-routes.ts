import { createRoute, z } from '@hono/zod-openapi';
import { sessionOnly } from '../../token-scope';
import { apiRouter } from '../../openapi';
import { verifySignInFactor } from '../../../app/use-cases/mfa/verify-sign-in-factor';
import { reauthenticate } from '../../../app/use-cases/mfa/reauthenticate';
import { startPasskeyChallenge } from '../../../app/use-cases/mfa/start-passkey-challenge';
import { authenticateSession } from '../../../app/use-cases/sessions/authenticate-session';
import type { FactorAnswer } from '../../../app/second-factor';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, requireAuth, requireSession } from '../../middleware/request-context';
import { SessionInfo, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { sessionInfo } from '../sessions/routes';
import { relyingParty, sessionCtx } from './presenter';
import { ReauthenticateRequest, SecondFactorAnswer, WebAuthnOptions } from './schemas';

const tags = ['Authentication'];
const throttled = { 429: { description: 'Too many wrong answers (see Retry-After)' } };

const verifyRoute = createRoute({
  method: 'post',
  path: '/auth/mfa/verify',
  ...sessionOnly,
  tags,
  summary: 'Second step of a sign-in: a TOTP code, a recovery code (single use) or a passkey',
  request: { body: jsonBody(SecondFactorAnswer) },
  responses: { 200: jsonOk(SessionInfo, 'Signed in'), ...errorResponses, ...throttled },
});
const challengeRoute = createRoute({
  method: 'post',
  path: '/auth/mfa/passkey-challenge',
  ...sessionOnly,
  tags,
  summary: 'WebAuthn options to sign in (second step) or re-authenticate with a passkey',
  request: { body: jsonBody(z.object({ purpose: z.enum(['second_factor', 'reauthenticate']) })) },
  responses: { 200: jsonOk(WebAuthnOptions, 'Options for navigator.credentials.get()'), ...errorResponses },
});
const reauthRoute = createRoute({
  method: 'post',
  path: '/auth/reauthenticate',
  ...sessionOnly,
  tags,
  summary: 'Confirm it is you before a sensitive action: second factor, or password for a user without one',
  request: { body: jsonBody(ReauthenticateRequest) },
  responses: {
    200: jsonOk(z.object({ method: z.string(), authenticatedAt: z.string() }), 'Confirmed'),
    ...errorResponses,
    ...throttled,
  },
});

const answerOf = (b: z.infer<typeof SecondFactorAnswer>): FactorAnswer =>
  'totpCode' in b
    ? { method: 'totp', code: b.totpCode }
    : 'recoveryCode' in b
      ? { method: 'recovery_code', code: b.recoveryCode }
      : { method: 'passkey', response: b.passkey };

export function mfaSignInRoutes() {
  const app = apiRouter();
  app.openapi(verifyRoute, async (c) => {
    const auth = requireSession(c, ['second_factor']);
    const deps = c.get('deps');
    const body = c.req.valid('json');
    await verifySignInFactor(deps, sessionCtx(c, auth), {
      user: auth.user,
      answer: answerOf(body),
      rp: relyingParty(c),
    });
    const next = await authenticateSession(deps, getCookie(c, SESSION_COOKIE) ?? '');
    c.set('auth', next);
    return c.json(await sessionInfo(c), 200);
  });
  app.openapi(challengeRoute, async (c) => {
    const { purpose } = c.req.valid('json');
    const auth = purpose === 'second_factor' ? requireSession(c, ['second_factor']) : requireAuth(c);
    const options = await startPasskeyChallenge(c.get('deps'), sessionCtx(c, auth), { purpose, rp: relyingParty(c) });
    return c.json(options, 200);
  });
  app.openapi(reauthRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const answer = c.req.valid('json');
    const r = await reauthenticate(deps, sessionCtx(c, auth), { user: auth.user, answer, rp: relyingParty(c) });
    return c.json({ method: r.method, authenticatedAt: r.at.toISOString() }, 200);
  });
  return app;
}
