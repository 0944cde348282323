import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../core/errors';

/** The one table from domain error codes to HTTP statuses. */
export const errorStatus: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  import_failed: 422,
  payload_too_large: 413,
  disk_full: 507,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  too_many_attempts: 429,
  data_dir_locked: 503,
  config_invalid: 500,
  // A stored evidence file is missing or altered: the server's data, not the request, is at fault.
  integrity_failed: 500,
  internal: 500,
};
