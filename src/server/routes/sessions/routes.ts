import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { anonymous, sessionOnly } from '../../token-scope';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { signIn, SESSION_ABSOLUTE_MS } from '../../../app/use-cases/sessions/sign-in';
import { KNOWN_DEVICE_MS } from '../../../app/known-device';
import { signOut } from '../../../app/use-cases/sessions/sign-out';
import { listSessions } from '../../../app/use-cases/sessions/list-sessions';
import { authenticateSession } from '../../../app/use-cases/sessions/authenticate-session';
import { switchOrganization } from '../../../app/use-cases/sessions/switch-organization';
import { revokeSession } from '../../../app/use-cases/sessions/revoke-session';
import { changePassword, changePasswordInput } from '../../../app/use-cases/users/change-password';
import { listOrganizations } from '../../../app/use-cases/organizations/list-organizations';
import type { HonoEnv } from '../../env';
import { SESSION_COOKIE, clientIp, requestCtx, requireAuth, requireSession } from '../../middleware/request-context';
import { signInMethodsOf } from '../../../app/use-cases/mfa/sign-in-methods';
import { DeviceSession, SessionInfo, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { presentDeviceSession, presentSessionInfo } from './presenter';

const tags = ['Authentication'];
/** A browser that signed in before (see src/app/known-device.ts): exempt from throttle blocks others cause. */
const DEVICE_COOKIE = 'ismap_device';
const DEVICE_COOKIE_PATH = '/api/v1/auth/login';

const loginRoute = createRoute({
  ...anonymous,
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Sign in with email and password; sets the session cookie',
  request: {
    body: jsonBody(
      z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(256) }).openapi('LoginRequest'),
    ),
  },
  responses: {
    200: jsonOk(SessionInfo, 'Signed in'),
    ...errorResponses,
    429: { description: 'Too many failed attempts (see Retry-After)' },
  },
});

const sessionRoute = createRoute({
  ...sessionOnly,
  method: 'get',
  path: '/auth/session',
  tags,
  summary: 'The signed-in user, memberships, CSRF token and abilities',
  responses: { 200: jsonOk(SessionInfo, 'Current session'), ...errorResponses },
});
const logoutRoute = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'Sign out (revokes this session)',
  responses: { 204: { description: 'Signed out' }, ...errorResponses },
});
const switchRoute = createRoute({
  ...sessionOnly,
  method: 'put',
  path: '/auth/session/organization',
  tags,
  summary: 'Switch the organization this session acts for',
  request: { body: jsonBody(z.object({ orgId: z.uuid() })) },
  responses: { 200: jsonOk(SessionInfo, 'Switched'), ...errorResponses },
});
const listSessionsRoute = createRoute({
  ...sessionOnly,
  method: 'get',
  path: '/auth/sessions',
  tags,
  summary: "The caller's sign-in sessions (devices)",
  responses: { 200: jsonOk(z.object({ sessions: z.array(DeviceSession) }), 'Sessions'), ...errorResponses },
});
const revokeRoute = createRoute({
  ...sessionOnly,
  method: 'delete',
  path: '/auth/sessions/{sessionId}',
  tags,
  summary: 'Revoke one of your sessions',
  request: {
    params: z.object({
      sessionId: z
        .string()
        .regex(/^[0-9a-f]{16}$/)
        .openapi({ param: { name: 'sessionId', in: 'path' } }),
    }),
  },
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
});

const passwordRoute = createRoute({
  ...sessionOnly,
  method: 'post',
  path: '/auth/password',
  tags,
  summary: 'Change your own password (needs the current one); signs out your other sessions',
  request: { body: jsonBody(changePasswordInput) },
  responses: {
    200: jsonOk(z.object({ revokedSessions: z.number().int() }), 'Changed'),
    ...errorResponses,
    429: { description: 'Too many wrong current passwords (see Retry-After)' },
  },
});

function secure(c: Context<HonoEnv>): boolean {
  const mode = c.get('deps').secureCookies;
  if (mode !== 'auto') return mode === 'true';
  const proto = c.get('deps').trustProxy ? c.req.header('x-forwarded-proto') : undefined;
  return (proto ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

/** The session as the web app sees it; also for a session between its password and second factor. */
export async function sessionInfo(c: Context<HonoEnv>, auth = requireSession(c)) {
  const deps = c.get('deps');
  const ctx = { actor: auth.actor, requestId: c.get('requestId') };
  const organizations = auth.session.signInStep ? [] : await listOrganizations(deps, ctx);
  const signInMethods = auth.session.signInStep === 'second_factor' ? await signInMethodsOf(deps, auth.user.id) : [];
  return presentSessionInfo({
    user: auth.user,
    actor: auth.actor,
    session: auth.session,
    organizations,
    signInMethods,
  });
}

export function authRoutes() {
  const app = apiRouter();
  app.openapi(loginRoute, async (c) => {
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const { token, deviceToken } = await signIn(deps, {
      email: body.email,
      password: body.password,
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
      previousToken: getCookie(c, SESSION_COOKIE) ?? null,
      deviceToken: getCookie(c, DEVICE_COOKIE) ?? null,
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: '/',
      maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
    });
    // Only the sign-in route needs to see the known-device cookie.
    const maxAge = KNOWN_DEVICE_MS / 1000;
    const device = { httpOnly: true, sameSite: 'Strict', secure: secure(c), path: DEVICE_COOKIE_PATH, maxAge } as const;
    if (deviceToken) setCookie(c, DEVICE_COOKIE, deviceToken, device);
    c.set('auth', await authenticateSession(deps, token));
    return c.json(await sessionInfo(c), 200);
  });
  app.openapi(sessionRoute, async (c) => c.json(await sessionInfo(c), 200));
  app.openapi(logoutRoute, async (c) => {
    const auth = requireSession(c);
    await signOut(c.get('deps'), { actor: auth.actor, requestId: c.get('requestId') }, auth.session.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  app.openapi(switchRoute, async (c) => {
    const auth = requireAuth(c);
    const { orgId } = c.req.valid('json');
    await switchOrganization(c.get('deps'), requestCtx(c), auth.session.id, orgId);
    const next = {
      ...auth,
      actor: { ...auth.actor, activeOrgId: orgId },
      session: { ...auth.session, activeOrgId: orgId },
    };
    c.set('auth', next);
    return c.json(await sessionInfo(c, next), 200);
  });
  app.openapi(passwordRoute, async (c) => {
    const auth = requireAuth(c);
    return c.json(await changePassword(c.get('deps'), requestCtx(c), auth.session.id, c.req.valid('json')), 200);
  });
  app.openapi(listSessionsRoute, async (c) => {
    const auth = requireAuth(c);
    const list = await listSessions(c.get('deps'), requestCtx(c));
    return c.json({ sessions: list.map((s) => presentDeviceSession(s, auth.session.id)) }, 200);
  });
  app.openapi(revokeRoute, async (c) => {
    const auth = requireAuth(c);
    await revokeSession(c.get('deps'), requestCtx(c), auth.user.id, c.req.valid('param').sessionId);
    return c.body(null, 204);
  });
  return app;
}
