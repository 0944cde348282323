import { OpenAPIHono } from '@hono/zod-openapi';
import { DomainError } from '../core/errors';
import type { HonoEnv } from './env';

/**
 * A router for one API module. Every module must be made here: the hook turns failed validation of a body, query
 * or path parameter into our `validation_failed` error (with each issue's location) instead of zod's raw output.
 */
export function apiRouter() {
  return new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: [result.target, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message }));
        throw new DomainError('validation_failed', `Invalid ${result.target}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues);
      }
    },
  });
}
