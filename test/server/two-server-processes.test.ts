import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { setUserDisabled } from '../../src/app/use-cases/users/set-user-disabled';
import { createPgDatabase } from '../support/engines';
import { call, login, type Caller } from '../support/server';
import {
  eventually,
  inProcessServer,
  spawnServe,
  sys,
  type InProcessServer,
  type ServeProcess,
} from '../support/two-servers';

const PW = 'two-processes-password-3';

const run = inject('pgUrl') ? describe : describe.skip;

/**
 * Two `ismap serve` processes of their own on one empty PostgreSQL database, started at the same moment, behind no
 * sticky sessions: migrations and the bundled content load run once (advisory lock), a sign-out, a disabled user and
 * a changed role made through one are refused or applied on the other, the sign-in throttle and the catalog snapshot
 * are shared, and a scheduled job slot runs on exactly one of them. test/server/two-servers*.test.ts run the same
 * checks on two servers inside this process, where a failure is easier to read.
 *
 * How fast a change arrives is printed, not asserted (the "within one second" is a target for a quiet
 * machine; the deadline here bounds correctness only).
 */
run('two `ismap serve` processes on one PostgreSQL', () => {
  let url = '';
  let a: ServeProcess;
  let b: ServeProcess;
  /** Direct use-case access to the same database, for test setup (organizations, users) only. */
  let setup: InProcessServer;
  let orgId = '';
  const dirs: string[] = [];
  const ids: Record<string, string> = {};
  const arrival: Record<string, number> = {};

  beforeAll(async () => {
    url = await createPgDatabase();
    const shared = mkdtempSync(join(tmpdir(), 'ismap-two-proc-'));
    dirs.push(shared);
    // Servers on one database share the TOTP sealing key and the SSO secret key (docs/deployment.md).
    const mfaKey = join(shared, 'mfa.key');
    writeFileSync(mfaKey, randomBytes(32).toString('base64'), { mode: 0o600 });
    const ssoKey = randomBytes(32).toString('base64');
    const env = (name: string) => {
      const dataDir = join(shared, name);
      return {
        DATABASE_URL: url,
        ISMAP_DATA_DIR: dataDir,
        ISMAP_MFA_KEY_FILE: mfaKey,
        ISMAP_SSO_SECRET_KEY: ssoKey,
        ISMAP_SECURE_COOKIES: 'false',
        ISMAP_JOB_POLL_SECONDS: '1',
        ISMAP_AUDIT_CHECKPOINT_INTERVAL: '0',
        ISMAP_SEED_DEMO: 'false',
      };
    };
    const [sa, sb] = await Promise.all([spawnServe(env('a')), spawnServe(env('b'))]);
    a = sa.server;
    b = sb.server;
    await Promise.all([sa.ready, sb.ready]);

    setup = await inProcessServer(url);
    orgId = (
      await createOrganization(setup.deps, sys, { kind: 'csp', slug: 'two-proc', nameJa: 'クラウド', nameEn: 'Cloud' })
    ).id;
    for (const [email, role] of [
      ['admin@two-proc.test', 'admin'],
      ['editor@two-proc.test', 'editor'],
      ['revoked@two-proc.test', 'editor'],
      ['disabled@two-proc.test', 'editor'],
      ['demoted@two-proc.test', 'editor'],
    ] as const)
      ids[email] = (
        await createUser(setup.deps, sys, { email, displayName: email, password: PW, memberships: [{ orgId, role }] })
      ).id;
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await setup?.engine.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (Object.keys(arrival).length) console.info('two serve processes, arrival on the other server (ms):', arrival);
  });

  it('migrates and loads the bundled content once, under the advisory lock', async () => {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const versions = await db.query<{ version: string; n: string }>(
        'SELECT version, count(*) AS n FROM schema_migrations GROUP BY version',
      );
      expect(versions.rows.length).toBeGreaterThan(10);
      expect(versions.rows.every((r) => Number(r.n) === 1)).toBe(true);
    } finally {
      await db.end();
    }
    const loaded = [a, b].map((s) => s.logs().filter((l) => l.msg === 'bundled catalogs loaded').length);
    // The server that got the lock first loaded the catalogs; the other found them there (0 written: no log line).
    expect(loaded.sort()).toEqual([0, 1]);
    for (const s of [a, b]) expect(s.logs().some((l) => String(l.msg).startsWith('ISMAP Hub listening'))).toBe(true);
    const editions = await call(b, 'GET', '/catalogs', { as: await login(b, 'editor@two-proc.test', PW) });
    expect(editions.status).toBe(200);
  });

  /** Signs in on A, then uses the same cookie on B (which caches the session). */
  async function signedInOnBoth(email: string): Promise<Caller> {
    const me = await login(a, email, PW);
    expect((await call(b, 'GET', '/auth/session', { as: me })).status).toBe(200);
    expect((await call(b, 'GET', '/auth/session', { as: me })).status).toBe(200);
    return me;
  }

  it('refuses on B a session signed out on A', async () => {
    const me = await signedInOnBoth('revoked@two-proc.test');
    expect((await call(a, 'POST', '/auth/logout', { as: me })).status).toBe(204);
    arrival.signOut = (
      await eventually(
        'the sign-out on B',
        () => call(b, 'GET', '/auth/session', { as: me }),
        (r) => r.status === 401,
      )
    ).ms;
  });

  it('refuses on both a user disabled in the database', async () => {
    const me = await signedInOnBoth('disabled@two-proc.test');
    await setUserDisabled(setup.deps, sys, ids['disabled@two-proc.test']!, true);
    for (const [name, s] of [
      ['A', a],
      ['B', b],
    ] as const)
      arrival[`disabled${name}`] = (
        await eventually(
          `the disabled user on ${name}`,
          () => call(s, 'GET', '/auth/session', { as: me }),
          (r) => r.status === 401,
        )
      ).ms;
  });

  it('applies on B a role changed through A', async () => {
    const me = await signedInOnBoth('demoted@two-proc.test');
    const admin = await login(a, 'admin@two-proc.test', PW);
    const roleOnB = async () =>
      (
        (await call(b, 'GET', '/auth/session', { as: me })).json as {
          memberships: { orgId: string; role: string }[];
        }
      ).memberships.find((m) => m.orgId === orgId)?.role;
    expect(await roleOnB()).toBe('editor');
    const res = await call(a, 'PATCH', `/organizations/${orgId}/members/${ids['demoted@two-proc.test']}`, {
      as: admin,
      body: { role: 'viewer' },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    arrival.role = (await eventually('the new role on B', roleOnB, (r) => r === 'viewer')).ms;
  });

  it('shares one sign-in throttle between the processes', async () => {
    const attempt = (s: ServeProcess, password: string) =>
      s.request('/api/v1/auth/login', {
        method: 'POST',
        // Both servers trust the proxy header (ISMAP_TRUST_PROXY in spawnServe): one client address behind the proxy.
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
        body: JSON.stringify({ email: 'editor@two-proc.test', password }),
      });
    for (const s of [a, b, a, b, a]) expect((await attempt(s, 'wrong-password-xx')).status).toBe(401);
    expect((await attempt(b, 'wrong-password-xx')).status).toBe(429);
    expect((await attempt(a, PW)).status).toBe(429);
  });

  it('serves on B a manual mapping written through A', async () => {
    const onA = await login(a, 'admin@two-proc.test', PW);
    const onB = await login(b, 'admin@two-proc.test', PW);
    const node = '/catalogs/ismap/editions/2024-07/nodes/9.2.3';
    const mine = (r: Awaited<ReturnType<typeof call>>) =>
      (r.json as { mappingsOut: { note?: string }[] }).mappingsOut.some((m) => m.note === 'from process A');
    const before = await call(b, 'GET', node, { as: onB });
    expect(before.status).toBe(200);
    expect(mine(before)).toBe(false);
    const add = await call(a, 'POST', '/mappings', {
      as: onA,
      body: {
        source: 'ismap:9.2.3',
        target: 'nist-800-53r5:ac-6.9',
        relationship: 'intersects-with',
        note: 'from process A',
      },
    });
    expect(add.status, JSON.stringify(add.json)).toBe(201);
    arrival.mapping = (await eventually('the mapping on B', () => call(b, 'GET', node, { as: onB }), mine)).ms;
  });

  it('runs each scheduled job slot on exactly one process', async () => {
    // Both workers poll every second and both enqueue the current hour's slot of each schedule: the unique run key
    // and FOR UPDATE SKIP LOCKED leave one run per slot, visible in exactly one server's log.
    const done = () =>
      [a, b].flatMap((s, i) =>
        s
          .logs()
          .filter((l) => l.msg === 'job done')
          .map((l) => ({ job: l.job, key: l.key, server: i })),
      );
    await eventually(
      'the scheduled jobs',
      async () => done(),
      (runs) =>
        ['sessions.purge_ended', 'invitations.purge_expired', 'jobs.purge_finished'].every((n) =>
          runs.some((r) => r.job === n),
        ),
    );
    // A few more polls on both: a duplicate would show up now.
    await new Promise((r) => setTimeout(r, 3000));
    const keys = done().map((r) => `${String(r.job)}|${String(r.key)}`);
    expect(new Set(keys).size).toBe(keys.length);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const dup = await db.query('SELECT key, count(*) FROM jobs GROUP BY name, key HAVING count(*) > 1');
      expect(dup.rows).toEqual([]);
    } finally {
      await db.end();
    }
  });
});
