import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '../../core/errors';
import { authenticateSession } from '../../app/use-cases/sessions/authenticate-session';
import type { RequestContext } from '../../app/context';
import type { AuthState, HonoEnv, ServerDeps } from '../env';

export const SESSION_COOKIE = 'ismap_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Request id (kept from X-Request-Id when it looks sane), structured access log, and the deps on the context. */
export function requestContext(deps: ServerDeps): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('auth', null);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    if (!deps.logger.isLevelEnabled('info')) return;
    const url = new URL(c.req.url);
    if (url.pathname !== '/healthz') {
      deps.logger.info(
        {
          requestId,
          method: c.req.method,
          path: url.pathname,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          userId: c.get('auth')?.user.id,
        },
        'request',
      );
    }
  };
}

/**
 * Session cookie → actor. Then, for cookie-authenticated writes, the CSRF check: the X-CSRF-Token header must
 * equal the session's token (handed out by GET /api/v1/auth/session). Cookies are SameSite=Lax as well; the token
 * covers same-site attackers and old browsers.
 */
export function authentication(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const auth = await authenticateSession(c.get('deps'), token);
      c.set('auth', auth);
      // Signing in again with an old cookie needs no token: the old session is replaced, and a cross-site form cannot
      // send the JSON body the route requires.
      const isLogin = c.req.method === 'POST' && new URL(c.req.url).pathname.endsWith('/auth/login');
      if (auth && !SAFE_METHODS.has(c.req.method) && !isLogin) {
        const sent = c.req.header('x-csrf-token') ?? '';
        const a = Buffer.from(sent);
        const b = Buffer.from(auth.session.csrfToken);
        if (a.length !== b.length || !timingSafeEqual(a, b))
          throw new DomainError(
            'csrf_failed',
            'Missing or wrong X-CSRF-Token header: reload the page and try again.',
            undefined,
            { reason: 'csrf_token_wrong' },
          );
      }
    }
    await next();
  };
}

/** Write requests to the JSON API must be JSON: a cross-site HTML form cannot send that without a CORS preflight. */
export function requireJsonWrites(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    if (!SAFE_METHODS.has(c.req.method) && hasBody) {
      const type = c.req.header('content-type') ?? '';
      if (
        !/^application\/json\b/i.test(type) &&
        !/^multipart\/form-data\b/i.test(type) &&
        !/^text\/csv\b|^application\/octet-stream\b/i.test(type)
      ) {
        throw new DomainError(
          'validation_failed',
          'Send the request body as application/json',
          [
            {
              path: ['content-type'],
              message: `got "${type || 'none'}"`,
              code: 'content_type_got',
              params: { type: type || 'none' },
            },
          ],
          { reason: 'json_body_required' },
        );
      }
    }
    await next();
  };
}

/** A signed-in session: one still waiting for its second factor (or for enrolling one) may not act. */
export function requireAuth(c: Context<HonoEnv>): AuthState {
  const auth = requireSession(c);
  const step = auth.session.signInStep;
  if (step === 'second_factor')
    throw new DomainError('unauthenticated', 'Give your second factor to finish signing in.', undefined, {
      reason: 'second_factor_required',
    });
  if (step === 'enrol')
    throw new DomainError('unauthenticated', 'Set up a second factor to finish signing in.', undefined, {
      reason: 'mfa_enrolment_required',
    });
  return auth;
}

/**
 * Any session, also one between the password and the second factor (or that must enrol one): only for the session
 * itself, signing out and the sign-in steps (src/server/routes/mfa). `steps` lists the unfinished steps allowed.
 */
export function requireSession(c: Context<HonoEnv>, steps?: readonly ('second_factor' | 'enrol')[]): AuthState {
  const auth = c.get('auth');
  if (!auth) throw new DomainError('unauthenticated', 'Sign in first.', undefined, { reason: 'sign_in_first' });
  if (steps && auth.session.signInStep && !steps.includes(auth.session.signInStep)) return requireAuth(c);
  return auth;
}

export function requestCtx(c: Context<HonoEnv>): RequestContext {
  return { actor: requireAuth(c).actor, requestId: c.get('requestId') };
}

export function clientIp(c: Context<HonoEnv>): string {
  if (c.get('deps').trustProxy) {
    const fwd = c.req.header('x-forwarded-for');
    if (fwd) return fwd.split(',')[0]!.trim();
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
