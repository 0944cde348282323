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
  'payload_too_large',
  'disk_full',
  'data_dir_locked',
  'config_invalid',
  'integrity_failed',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Values a translated message is filled in with (`{{slug}}` in the UI's catalogue). */
export type MessageParams = Record<string, string | number | boolean | null>;

/**
 * Issue codes → the names of the params each one carries, as an exported `as const` table per emitter
 * (`TEXT_IMPORT_ISSUES`). Emitters take `IssueParams<typeof TABLE, code>`, so none can leave a param out, and the
 * locales test checks every UI template against the table: the UI's `{{row}}` is always filled in.
 */
export type IssueCatalog = Record<string, readonly string[]>;
export type IssueParams<T extends IssueCatalog, C extends keyof T> = {
  [K in T[C][number]]: string | number | boolean | null;
};

/**
 * One problem with a location: a JSON path, a file row and column, or a field name. `message` is English for logs
 * and the CLI; `code` (stable, snake_case) and `params` let the UI say it in the user's language.
 */
export interface Issue {
  path: (string | number)[];
  message: string;
  code?: string;
  params?: MessageParams;
  row?: number;
  file?: string;
}

/** The fields of a zod issue this module reads (structural: core does not import zod). */
interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  expected?: unknown;
  values?: unknown;
}

/**
 * Zod's issues as ours: the path (behind `prefix`, e.g. 'body'), zod's English message, and its code with the
 * numbers the UI needs to say it again (`too_small` + `{ minimum: 12, origin: 'string' }`).
 */
export function issuesFromZod(issues: readonly ZodLikeIssue[], prefix: (string | number)[] = []): Issue[] {
  return issues.map((i) => {
    const params: MessageParams = {};
    for (const k of ['minimum', 'maximum', 'origin', 'format', 'expected'] as const) {
      const v = i[k];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = v;
      else if (typeof v === 'bigint') params[k] = Number(v);
    }
    if (Array.isArray(i.values)) params.values = i.values.map(String).join(', ');
    return {
      path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: i.message,
      code: `zod_${i.code}`,
      params,
    };
  });
}

/**
 * `code` is the kind of failure (it picks the HTTP status and the UI's headline); `reason` says which one, as a
 * stable snake_case key the UI translates with `params` (`slug_taken` + `{ slug }`); `message` is the English
 * sentence for logs, the CLI and any client that does not translate.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  readonly reason: string | undefined;
  readonly params: MessageParams | undefined;
  /** Extra facts for the client, e.g. how many issues there were when `issues` holds only the first ones. */
  readonly details: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    issues?: Issue[],
    detail?: { reason: string; params?: MessageParams; details?: Record<string, unknown> },
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
    this.reason = detail?.reason;
    this.params = detail?.params;
    this.details = detail?.details;
  }
}

/** What `notFound` can name; the UI says each in its language (`objectName.<what>`). */
export const notFoundObjects = [
  'organization',
  'user',
  'invitation',
  'membership',
  'session',
  'mapping',
  'mapping_set',
  'cloud_service',
  'statement',
  'passkey',
  'authenticator_app',
  'api_token',
  'evidence',
  'evidence_version',
  'gap_import',
  'gap_proposal',
  'remediation_item',
] as const;
export type NotFoundObject = (typeof notFoundObjects)[number];

export const notFound = (what: NotFoundObject) =>
  new DomainError('not_found', `${what.replace('_', ' ')} not found`, undefined, {
    reason: 'object_not_found',
    params: { what },
  });
export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
