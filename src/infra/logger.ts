import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { API_TOKEN_PATTERN, API_TOKEN_PREFIX } from '../core/api-tokens';

/** A log line longer than this is replaced by a short line that says so (a failed import once logged ~6 MB). */
export const MAX_LOG_LINE = 16 * 1024;
const MAX_STRING = 2000;
const MAX_CAUSES = 4;

const cap = (s: string, n = MAX_STRING) => (s.length > n ? `${s.slice(0, n)}… [${s.length - n} more characters]` : s);

/**
 * SQL parameters are user data and secrets (password hashes, tokens): an error keeps its query and how many
 * parameters it had, never their values. Drizzle copies them into the message ("params: …"), and so into the stack.
 */
function redactParams(text: string, count: number | undefined): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, `\nparams: [${count ?? '?'} redacted]`);
}

type Loose = Error & {
  code?: unknown;
  query?: unknown;
  params?: unknown;
  detail?: unknown;
  cause?: unknown;
  errno?: unknown;
  syscall?: unknown;
  path?: unknown;
};

export function serializeError(e: unknown, depth = 0): unknown {
  if (!(e instanceof Error)) return typeof e === 'string' ? cap(e) : e;
  const err = e as Loose;
  const count = Array.isArray(err.params) ? err.params.length : undefined;
  const message = redactParams(err.message, count);
  const stack = err.stack ?? '';
  const head = `${err.name}: ${err.message}`;
  const out: Record<string, unknown> = {
    type: err.name,
    message: cap(message),
    stack: cap(
      stack.startsWith(head) ? `${err.name}: ${message}${stack.slice(head.length)}` : redactParams(stack, count),
      4 * MAX_STRING,
    ),
  };
  for (const k of ['code', 'errno', 'syscall', 'path'] as const) if (err[k] !== undefined) out[k] = err[k];
  if (typeof err.query === 'string') out.query = cap(err.query);
  if (count !== undefined) out.paramCount = count;
  if (err.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/**
 * An API token must never reach a log, wherever it hides (an error message quoting a header, a URL someone pasted
 * it into): every `ismap_pat_…` in a line is cut to its prefix before the line is written.
 */
const scrubTokens = (line: string) =>
  line.includes(API_TOKEN_PREFIX) ? line.replace(API_TOKEN_PATTERN, `${API_TOKEN_PREFIX}[redacted]`) : line;

function capLine(line: string): string {
  if (line.length <= MAX_LOG_LINE) return line;
  let head: { level?: unknown; time?: unknown; msg?: unknown; requestId?: unknown } = {};
  try {
    head = JSON.parse(line) as typeof head;
  } catch {
    // not JSON: keep nothing of it but its length
  }
  const short = {
    level: head.level,
    time: head.time,
    requestId: head.requestId,
    msg: `log line of ${line.length} characters cut: ${typeof head.msg === 'string' ? cap(head.msg, 200) : ''}`,
  };
  return JSON.stringify(short) + '\n';
}

/** The one way the server and CLI make a logger: redacted errors, secret-looking fields censored, lines capped. */
export function createLogger(level: Level | 'silent', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: [
        'params',
        '*.params',
        'password',
        '*.password',
        'passwordHash',
        '*.passwordHash',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        '*.headers.authorization',
        'currentPassword',
        '*.currentPassword',
        'clientSecret',
        '*.clientSecret',
      ],
      censor: '[redacted]',
    },
    hooks: { streamWrite: (line) => capLine(scrubTokens(line)) },
  };
  return destination ? pino(options, destination) : pino(options);
}
