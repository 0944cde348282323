import pino from 'pino';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor, type OrgKind, type Role } from '../../src/core/identity';
import type { Engine } from '../../src/db/engine';
import { createServerApp, type ApiRouteModule } from '../../src/server/app';
import type { ServerDeps } from '../../src/server/env';
import { openTestEngine, type EngineName } from './engines';
import { testDeps } from './fixtures';

export interface TestServer {
  engine: Engine;
  deps: ServerDeps;
  app: ReturnType<typeof createServerApp>;
  close(): Promise<void>;
}

export async function startTestServer(name: EngineName = 'pglite', extra: ApiRouteModule[] = []): Promise<TestServer> {
  return serverOver(await openTestEngine(name), { extra });
}

/**
 * A server over an engine that is already open: several of them over one database stand for several servers
 * sharing it (or one server restarted). `close` closes the engine.
 */
export function serverOver(
  engine: Engine,
  opts: { extra?: ApiRouteModule[]; now?: () => Date; trustProxy?: boolean; mfaForPlatformAdmins?: boolean } = {},
): TestServer {
  const deps: ServerDeps = {
    ...testDeps(engine, opts.now, { mfaForPlatformAdmins: opts.mfaForPlatformAdmins ?? false }),
    logger: pino({ level: 'silent' }),
    engineKind: engine.kind,
    secureCookies: 'false',
    trustProxy: opts.trustProxy ?? false,
    webDir: undefined,
    version: 'test',
  };
  const app = createServerApp(deps, opts.extra ?? []);
  return { engine, deps, app, close: () => engine.close() };
}

/** What `login` and `call` send requests to: a server app in this process, or a running server over HTTP. */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Caller {
  cookie: string;
  csrf: string;
}

export async function login(app: Requester, email: string, password: string): Promise<Caller> {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** A JSON body, or with `form` a multipart/form-data body (fetch sets the boundary). */
export async function call(
  app: Requester,
  method: string,
  path: string,
  opts: { as?: Caller | null; body?: unknown; form?: FormData; csrf?: boolean; bearer?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.as) {
    headers.cookie = opts.as.cookie;
    if (opts.csrf !== false) headers['x-csrf-token'] = opts.as.csrf;
  }
  if (opts.bearer !== undefined) headers.authorization = `Bearer ${opts.bearer}`;
  if (opts.body !== undefined && !opts.form) headers['content-type'] = 'application/json';
  const body = opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await app.request(`/api/v1${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return {
    status: res.status,
    json: json as Record<string, unknown> & { error?: { code: string } },
    headers: res.headers,
  };
}

/**
 * An organization and its members, made through the use cases as the system (test setup): returns the organization's
 * id. Each member gets `password`.
 */
export async function organizationWithMembers(
  s: TestServer,
  org: { kind: OrgKind; slug: string; name: string },
  members: { email: string; role: Role }[],
  password: string,
): Promise<string> {
  const sys = { actor: systemActor, requestId: null };
  const { id } = await createOrganization(s.deps, sys, {
    kind: org.kind,
    slug: org.slug,
    nameJa: org.name,
    nameEn: org.name,
  });
  for (const m of members) {
    await createUser(s.deps, sys, {
      email: m.email,
      displayName: m.email,
      password,
      memberships: [{ orgId: id, role: m.role }],
    });
  }
  return id;
}
