import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '../../core/errors';
import { authenticateSession } from '../../app/use-cases/sessions/authenticate-session';
import { authenticateApiToken, type ApiTokenFailure } from '../../app/use-cases/api-tokens/authenticate-api-token';
import { recordApiTokenFailure } from '../../app/use-cases/api-tokens/record-api-token-failure';
import { FailureLogGate } from '../../app/failure-log-gate';
import { tokenNotAllowed } from '../token-scope';
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
    c.set('tokenAuth', null);
    c.set('tokenScope', null);
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
          userId: c.get('auth')?.user.id ?? c.get('tokenAuth')?.user.id,
          tokenId: c.get('tokenAuth')?.token.id,
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
const SIGN_IN_PATHS = ['/auth/login', '/auth/passkey/options', '/auth/passkey'];

export function authentication(): MiddlewareHandler<HonoEnv> {
  const failureLog = new FailureLogGate();
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    // Only the Bearer scheme is ours: a proxy's Basic credentials in front of the server must not break sessions.
    if (authorization !== undefined && /^bearer(\s|$)/i.test(authorization)) {
      await bearerAuthentication(c, authorization, failureLog);
      await next();
      // Belt and braces: whatever a route does, a bearer request never leaves with a cookie.
      c.res.headers.delete('set-cookie');
      return;
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const auth = await authenticateSession(c.get('deps'), token);
      c.set('auth', auth);
      // Signing in again with an old cookie needs no token: the old session is replaced, and a cross-site form cannot
      // send the JSON body the route requires.
      // The same for a passkey sign-in (its challenge is bound to the browser by its own SameSite=Strict cookie).
      const path = new URL(c.req.url).pathname;
      const isLogin = c.req.method === 'POST' && SIGN_IN_PATHS.some((p) => path.endsWith(p));
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

const failureReason: Record<ApiTokenFailure, string> = {
  malformed: 'token_invalid',
  unknown: 'token_invalid',
  user_disabled: 'token_invalid',
  membership_gone: 'token_invalid',
  expired: 'token_expired',
  revoked: 'token_revoked',
};
const failureMessage: Record<string, string> = {
  token_invalid: 'The API token is not valid (unknown, or its user or membership is no longer active).',
  token_expired: 'The API token has expired: create a new one.',
  token_revoked: 'The API token has been revoked.',
};

/**
 * `Authorization: Bearer ismap_pat_…` → the token's actor. The cookie is ignored on such a request and no CSRF
 * token is asked for: a browser never adds this header to a cross-site request by itself (and there is no CORS).
 * A refused token answers 401 and is audited, at most once a minute per address (the log cannot be flooded).
 */
async function bearerAuthentication(c: Context<HonoEnv>, header: string, failureLog: FailureLogGate) {
  const deps = c.get('deps');
  const m = /^Bearer +(\S+) *$/i.exec(header);
  const ip = clientIp(c);
  const r = m ? await authenticateApiToken(deps, m[1]!, ip) : null;
  if (r?.ok) {
    c.set('tokenAuth', { actor: r.actor, token: r.token, user: r.user });
    return;
  }
  const failure: ApiTokenFailure = r ? r.failure : 'malformed';
  if (failureLog.admit(ip, deps.clock.now().getTime())) {
    try {
      await recordApiTokenFailure(deps, {
        failure,
        tokenId: r && !r.ok ? r.tokenId : null,
        userId: r && !r.ok ? r.userId : null,
        ip,
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
      });
    } catch (err) {
      deps.logger.error({ err, requestId: c.get('requestId') }, 'could not audit a refused API token');
    }
  }
  const reason = failureReason[failure];
  throw new DomainError('unauthenticated', failureMessage[reason]!, undefined, { reason });
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
  // Sessions, tokens and user administration need a person: an API token is refused here.
  if (c.get('tokenAuth')) throw tokenNotAllowed();
  const auth = c.get('auth');
  if (!auth) throw new DomainError('unauthenticated', 'Sign in first.', undefined, { reason: 'sign_in_first' });
  if (steps && auth.session.signInStep && !steps.includes(auth.session.signInStep)) return requireAuth(c);
  return auth;
}

/**
 * The caller as a use case sees it: a session's actor, or a bearer token's — only on a route that checked the
 * token's scope (`scope()`), so a route that declared none refuses tokens.
 */
export function requestCtx(c: Context<HonoEnv>): RequestContext {
  const t = c.get('tokenAuth');
  if (t) {
    if (!c.get('tokenScope')) throw tokenNotAllowed();
    return { actor: t.actor, requestId: c.get('requestId') };
  }
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
