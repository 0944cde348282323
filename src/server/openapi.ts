import { OpenAPIHono } from '@hono/zod-openapi';
import { DomainError, issuesFromZod } from '../core/errors';
import type { HonoEnv } from './env';

/**
 * A router for one API module. Every module must be made here: the hook turns failed validation of a body, query
 * or path parameter into our `validation_failed` error (with each issue's location) instead of zod's raw output.
 */
export function apiRouter() {
  return new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = issuesFromZod(result.error.issues, [result.target]);
        throw new DomainError(
          'validation_failed',
          `Invalid ${result.target}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
    },
  });
}
