/**
 * Domain errors carry a stable code. The server maps codes to HTTP statuses in one table
 * (src/server/error-status.ts); the CLI maps them to exit codes. Messages are for humans, codes for machines.
 */
export const errorCodes = [
  'validation_failed',
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_failed',
  'invalid_transition',
  'import_failed',
  'data_dir_locked',
  'config_invalid',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with a location: a JSON path, a file row and column, or a field name. */
export interface Issue {
  path: (string | number)[];
  message: string;
  code?: string;
  row?: number;
  file?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
