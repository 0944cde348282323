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
  post<T>(path: string, body: FormData | Record<string, unknown>): Promise<T>;
  /** A file the server answers (an export): its bytes and the name from Content-Disposition. */
  download(
    path: string,
    query?: Record<string, string | number | undefined>,
  ): Promise<{ bytes: Buffer; name: string | null }>;
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
  const send = async (method: string, path: string, body?: FormData | Record<string, unknown>): Promise<Response> => {
    const target = `${base}/api/v1${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    const json = body !== undefined && !(body instanceof FormData);
    if (json) headers['content-type'] = 'application/json';
    try {
      return await fetch(target, { method, body: json ? JSON.stringify(body) : body, headers });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new DomainError(
        'internal',
        `Cannot reach the server at ${base}: ${cause?.code ?? cause?.message ?? (e as Error).message}. Check --server.`,
      );
    }
  };
  const parseJson = async (res: Response, method: string, path: string): Promise<unknown> => {
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
    return json;
  };
  const request = async <T>(method: string, path: string, body?: FormData | Record<string, unknown>): Promise<T> => {
    const res = await send(method, path, body);
    const json = await parseJson(res, method, path);
    if (res.ok) return json as T;
    throw remoteError(res.status, json, base);
  };
  const withQuery = (path: string, query?: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return {
    base,
    get: (path, query) => request('GET', withQuery(path, query)),
    post: (path, body) => request('POST', path, body),
    async download(path, query) {
      const res = await send('GET', withQuery(path, query));
      if (!res.ok) throw remoteError(res.status, await parseJson(res, 'GET', path), base);
      const name = /filename="([^"/\\]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null;
      return { bytes: Buffer.from(await res.arrayBuffer()), name };
    },
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

/**
 * The id of the organization `slug` among those the token's user can see (a token acts for one organization:
 * another organization's slug is not found).
 */
export async function remoteOrgId(remote: Remote, slug: string): Promise<string> {
  const { organizations } = await remote.get<{ organizations: { id: string; slug: string }[] }>('/organizations');
  const org = organizations.find((o) => o.slug === slug);
  if (!org) throw new DomainError('not_found', `No organization with slug "${slug}" for this token at ${remote.base}`);
  return org.id;
}
