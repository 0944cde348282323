import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../core/errors';
import { scopeName, scopeRefusal, type TokenAccess, type TokenResource } from '../core/policies/token-scopes';
import type { HonoEnv } from './env';

type Security = Record<string, string[]>[];

/**
 * Every API route declares what an API token needs to call it, by spreading one of these into its `createRoute`:
 * `scope('catalogs', 'read')`, `sessionOnly` (signed-in people only: sessions, tokens, user administration) or
 * `anonymous` (no credentials: sign-in, invitation links). The declaration is both the OpenAPI `security` of the
 * operation (a test fails on an operation without one) and the middleware that enforces it before validation.
 * A bearer request to a route that declared nothing is refused as well (`requestCtx`), so forgetting fails closed.
 */
export function scope(resource: TokenResource, access: TokenAccess) {
  const need = { resource, access };
  const name = scopeName(need);
  const guard: MiddlewareHandler<HonoEnv> = async (c, next) => {
    const t = c.get('tokenAuth');
    if (t) {
      const refusal = scopeRefusal(t.token, need);
      if (refusal)
        throw new DomainError('forbidden', `This API token does not have the scope ${name}`, undefined, {
          reason: 'token_scope_missing',
          params: { scope: name, refusal },
        });
      c.set('tokenScope', name);
    }
    await next();
  };
  const security: Security = [{ cookieAuth: [] }, { bearerAuth: [name] }];
  return { security, middleware: [guard] };
}

const refuseTokens: MiddlewareHandler<HonoEnv> = async (c, next) => {
  if (c.get('tokenAuth')) throw tokenNotAllowed();
  await next();
};

export const tokenNotAllowed = () =>
  new DomainError('forbidden', 'API tokens cannot be used for this endpoint: sign in instead.', undefined, {
    reason: 'token_not_allowed',
  });

export const sessionOnly = { security: [{ cookieAuth: [] }] as Security, middleware: [refuseTokens] };
/** `{}`: no credentials needed. A bearer token is refused all the same: such a request never gets a session cookie. */
export const anonymous = { security: [{}] as Security, middleware: [refuseTokens] };
