import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { DomainError, issuesFromZod } from '../core/errors';
import { errorStatus } from './error-status';
import { systemCode } from '../formats/fs-errors';
import type { HonoEnv } from './env';

/** Domain errors → `{ error: { code, message, issues? } }` with the status from the one table; anything else → 500 without internals. */
export function handleError(err: Error, c: Context<HonoEnv>): Response {
  const requestId = c.get('requestId');
  if (err instanceof DomainError) {
    const detail = err.reason ? { reason: err.reason, params: err.params ?? {} } : {};
    const extra = err.details ? { details: err.details } : {};
    const body = {
      error: {
        code: err.code,
        message: err.message,
        ...detail,
        ...(err.issues ? { issues: err.issues } : {}),
        ...extra,
      },
    };
    if (err.code === 'too_many_attempts') {
      const secs = err.issues?.find((i) => i.code === 'retry_after_seconds')?.message;
      if (secs) c.header('Retry-After', secs);
    }
    return c.json(body, errorStatus[err.code]);
  }
  if (err instanceof ZodError) {
    return c.json(
      { error: { code: 'validation_failed', message: 'The request is not valid', issues: issuesFromZod(err.issues) } },
      400,
    );
  }
  if (err instanceof HTTPException) {
    return c.json(
      {
        error: { code: err.status === 404 ? 'not_found' : 'validation_failed', message: err.message || 'Bad request' },
      },
      err.status,
    );
  }
  // A full disk is the operator's to fix, not a bug: say so (507) instead of "Internal error".
  if (systemCode(err) === 'ENOSPC') {
    c.get('deps')?.logger.error({ err, requestId }, 'disk full');
    const message = `The server's disk is full: nothing was saved. Ask an administrator to free space (request id ${requestId}).`;
    return c.json(
      { error: { code: 'disk_full', message, reason: 'disk_full', params: { requestId } } },
      errorStatus.disk_full,
    );
  }
  c.get('deps')?.logger.error({ err, requestId }, 'unhandled error');
  return c.json({ error: { code: 'internal', message: `Internal error (request id ${requestId})` } }, 500);
}
