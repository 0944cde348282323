import { DomainError, errorCodes, type ErrorCode, type Issue } from '../core/errors';
import { UsageError, type CommandContext } from './command';

/**
 * `--server URL` (or ISMAP_SERVER) with an API token (`--token`, better ISMAP_TOKEN: a command line is visible to
 * other users of the host): the command asks a running server over HTTP instead of opening the data folder, which
 * the server holds locked. The token acts as its user; the server decides what it may do.
 */
export const remoteOptions = { server: { type: 'string' }, token: { type: 'string' } } as const;

export const remoteHelp = `  --server <url>    Ask a running ISMAP Hub server instead of opening the database (or ISMAP_SERVER)
  --token <token>   API token for --server (better: ISMAP_TOKEN, which other users cannot see in ps)`;

export interface Remote {
  readonly base: string;
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  post<T>(path: string, body: FormData): Promise<T>;
}

const codes = new Set<string>(errorCodes);

/** Null when neither --server nor ISMAP_SERVER is given: the command opens the database as before. */
export function remoteFrom(ctx: CommandContext, values: { server?: string; token?: string }): Remote | null {
  const server = values.server ?? ctx.env.ISMAP_SERVER;
  if (!server) {
    if (values.token) throw new UsageError('--token goes with --server <url> (or ISMAP_SERVER)');
    return null;
  }
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server must be a URL such as http://127.0.0.1:8080 (got "${server}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--server must be an http:// or https:// URL (got "${server}")`);
  const token = values.token ?? ctx.env.ISMAP_TOKEN;
  if (!token) throw new UsageError('--server needs an API token: set ISMAP_TOKEN (or pass --token)');
  const base = url.href.replace(/\/+$/, '');
  const request = async <T>(method: string, path: string, body?: FormData): Promise<T> => {
    const target = `${base}/api/v1${path}`;
    let res: Response;
    try {
      res = await fetch(target, { method, body, headers: { authorization: `Bearer ${token}` } });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new DomainError(
        'internal',
        `Cannot reach the server at ${base}: ${cause?.code ?? cause?.message ?? (e as Error).message}. Check --server.`,
      );
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainError(
        'internal',
        `${base} did not answer like an ISMAP Hub server (HTTP ${res.status} for ${method} /api/v1${path}). Check --server.`,
      );
    }
    if (res.ok) return json as T;
    throw remoteError(res.status, json, base);
  };
  return {
    base,
    get: (path, query) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
      const s = q.toString();
      return request('GET', s ? `${path}?${s}` : path);
    },
    post: (path, body) => request('POST', path, body),
  };
}

/** The server's error as a domain error (exit 1), its message as the server wrote it. */
function remoteError(status: number, json: unknown, base: string): DomainError {
  const e = (
    json as {
      error?: { code?: string; message?: string; issues?: Issue[]; reason?: string; details?: Record<string, unknown> };
    }
  ).error;
  if (!e?.code) return new DomainError('internal', `${base} answered HTTP ${status} without an ISMAP Hub error`);
  const code: ErrorCode = codes.has(e.code) ? (e.code as ErrorCode) : 'internal';
  const hint = status === 401 ? ' (ISMAP_TOKEN / --token)' : '';
  return new DomainError(code, `${e.message ?? `HTTP ${status}`}${hint}`, e.issues, {
    reason: e.reason ?? e.code,
    ...(e.details ? { details: e.details } : {}),
  });
}

export const enc = encodeURIComponent;
