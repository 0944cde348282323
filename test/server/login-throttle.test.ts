import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, login, serverOver, type TestServer } from '../support/server';
import { createPgDatabase, openTestEngine, type EngineName } from '../support/engines';
import { openEngine, type Engine } from '../../src/db/engine';
import { rowsOf } from '../../src/db/migrate';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

const PW = 'throttle-password-123';
const WRONG = 'not-the-password-1';
const sys = { actor: systemActor, requestId: null };

/**
 * Throttling that an attacker cannot turn against users, over HTTP on both engines. Two servers share one database:
 * on PostgreSQL two engines (two pools) on one database, on PGlite two sets of app deps over one engine (each is
 * what a restarted server has: nothing in memory).
 */
for (const name of ['pglite', 'postgres'] as EngineName[]) {
  const run = name === 'postgres' && !inject('pgUrl') ? describe.skip : describe;
  run(`login throttling [${name}]`, () => {
    let engines: Engine[] = [];
    let a: TestServer;
    let b: TestServer;
    let nowMs = Date.now();
    const now = () => new Date(nowMs);
    beforeAll(async () => {
      if (name === 'postgres') {
        const url = await createPgDatabase();
        engines = [
          await openEngine({ databaseUrl: url, poolSize: 4 }),
          await openEngine({ databaseUrl: url, poolSize: 4 }),
        ];
      } else {
        const one = await openTestEngine('pglite');
        engines = [one, one];
      }
      a = serverOver(engines[0]!, { now, trustProxy: true });
      b = serverOver(engines[1]!, { now, trustProxy: true });
    });
    afterAll(async () => {
      for (const e of new Set(engines)) await e.close();
    });

    const user = (email: string) => createUser(a.deps, sys, { email, displayName: email, password: PW });
    const signIn = (s: TestServer, email: string, password: string, ip: string, cookie?: string) =>
      s.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ email, password }),
      });
    const deviceCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('ismap_device='));
    const statuses = async (xs: (Response | Promise<Response>)[]) => (await Promise.all(xs)).map((r) => r.status);
    const count = (xs: number[], status: number) => xs.filter((x) => x === status).length;

    it("does not lock the owner out with another address's failures", async () => {
      await user('owner1@throttle.test');
      for (let i = 0; i < 5; i++)
        expect((await signIn(a, 'owner1@throttle.test', WRONG, '198.51.100.1')).status).toBe(401);
      const blocked = await signIn(a, 'owner1@throttle.test', PW, '198.51.100.1');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await signIn(a, 'owner1@throttle.test', PW, '198.51.100.2')).status).toBe(200);
    });

    it('lets the right password from a known device through a block others caused at its address', async () => {
      await user('owner2@throttle.test');
      await user('other2@throttle.test');
      const first = await signIn(a, 'owner2@throttle.test', PW, '203.0.113.5');
      const cookie = deviceCookie(first)!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Path=\/api\/v1\/auth\/login/i);
      const device = cookie.split(';')[0]!;
      // Someone behind the same address guesses: that pair is blocked, the right password without the cookie too.
      for (let i = 0; i < 5; i++) await signIn(a, 'owner2@throttle.test', WRONG, '203.0.113.5');
      expect((await signIn(a, 'owner2@throttle.test', PW, '203.0.113.5')).status).toBe(429);
      const back = await signIn(b, 'owner2@throttle.test', PW, '203.0.113.5', device);
      expect(back.status).toBe(200);
      expect(deviceCookie(back)).toBeUndefined(); // still the same known device
      // The device is this account's only: it exempts no one else.
      for (let i = 0; i < 5; i++) await signIn(a, 'other2@throttle.test', WRONG, '203.0.113.6');
      expect((await signIn(a, 'other2@throttle.test', PW, '203.0.113.6', device)).status).toBe(429);
      // A known device is still bounded by its own counter.
      for (let i = 0; i < 5; i++)
        expect((await signIn(a, 'owner2@throttle.test', WRONG, '203.0.113.5', device)).status).toBe(401);
      expect((await signIn(a, 'owner2@throttle.test', PW, '203.0.113.5', device)).status).toBe(429);
    });

    it('backs off exponentially per account and address pair', async () => {
      await user('owner3@throttle.test');
      for (let i = 0; i < 5; i++) await signIn(a, 'owner3@throttle.test', WRONG, '192.0.2.3');
      const first = await signIn(a, 'owner3@throttle.test', WRONG, '192.0.2.3');
      expect(first.status).toBe(429);
      expect(Number(first.headers.get('retry-after'))).toBe(60);
      nowMs += 61_000;
      expect((await signIn(a, 'owner3@throttle.test', WRONG, '192.0.2.3')).status).toBe(401);
      expect(Number((await signIn(b, 'owner3@throttle.test', PW, '192.0.2.3')).headers.get('retry-after'))).toBe(120);
      nowMs += 121_000;
      expect((await signIn(a, 'owner3@throttle.test', PW, '192.0.2.3')).status).toBe(200);
      // Success forgets the pair's failures.
      expect((await signIn(a, 'owner3@throttle.test', WRONG, '192.0.2.3')).status).toBe(401);
      expect((await signIn(a, 'owner3@throttle.test', PW, '192.0.2.3')).status).toBe(200);
    });

    it('shares the counters between servers on one database and keeps them across a restart', async () => {
      await user('owner4@throttle.test');
      for (let i = 0; i < 3; i++)
        expect((await signIn(a, 'owner4@throttle.test', WRONG, '192.0.2.4')).status).toBe(401);
      for (let i = 0; i < 2; i++)
        expect((await signIn(b, 'owner4@throttle.test', WRONG, '192.0.2.4')).status).toBe(401);
      expect((await signIn(a, 'owner4@throttle.test', PW, '192.0.2.4')).status).toBe(429);
      expect((await signIn(b, 'owner4@throttle.test', PW, '192.0.2.4')).status).toBe(429);
      const restarted = serverOver(engines[0]!, { now, trustProxy: true });
      expect((await signIn(restarted, 'owner4@throttle.test', PW, '192.0.2.4')).status).toBe(429);
    });

    it('gives concurrent guesses one budget, across both servers', async () => {
      await user('owner5@throttle.test');
      const got = await statuses(
        Array.from({ length: 30 }, (_, i) => signIn(i % 2 ? a : b, 'owner5@throttle.test', WRONG, '192.0.2.5')),
      );
      expect(count(got, 401)).toBe(5);
      expect(count(got, 429)).toBe(25);
      const id = (await a.deps.uow.read.users.getByEmail('owner5@throttle.test'))!.id;
      expect(await a.deps.uow.read.audit.count({ action: 'session.sign_in_failed', targetId: id })).toBe(5);
      expect(await a.deps.uow.read.audit.count({ action: 'session.sign_in_blocked', targetId: id })).toBe(1);
    });

    it('limits one address however many accounts it tries', async () => {
      const got: number[] = [];
      for (let i = 0; i < 20; i++) got.push((await signIn(a, `spray${i}@throttle.test`, WRONG, '192.0.2.6')).status);
      expect(count(got, 401)).toBe(20);
      await user('owner6@throttle.test');
      const blocked = await signIn(b, 'owner6@throttle.test', PW, '192.0.2.6');
      expect(blocked.status).toBe(429);
      expect((await blocked.json()) as object).toMatchObject({ error: { code: 'too_many_attempts' } });
      expect((await signIn(b, 'owner6@throttle.test', PW, '192.0.2.7')).status).toBe(200);
    });

    it('caps guesses at one account spread over many addresses, except from its known devices', async () => {
      await user('owner7@throttle.test');
      const device = deviceCookie(await signIn(a, 'owner7@throttle.test', PW, '192.0.2.70'))!.split(';')[0]!;
      for (let i = 0; i < 100; i++)
        await signIn(i % 2 ? a : b, 'owner7@throttle.test', WRONG, `10.7.${i >> 8}.${i & 255}`);
      expect((await signIn(a, 'owner7@throttle.test', PW, '192.0.2.71')).status).toBe(429);
      expect((await signIn(a, 'owner7@throttle.test', PW, '192.0.2.71', device)).status).toBe(200);
    });

    it('throttles and audits the current-password check of POST /auth/password', async () => {
      await user('owner8@throttle.test');
      const me = await login(a.app, 'owner8@throttle.test', PW);
      const body = { currentPassword: WRONG, newPassword: 'a-brand-new-password' };
      const got = await Promise.all(
        Array.from({ length: 30 }, (_, i) => call(i % 2 ? a.app : b.app, 'POST', '/auth/password', { as: me, body })),
      );
      expect(
        count(
          got.map((r) => r.status),
          400,
        ),
      ).toBe(5);
      const refused = got.filter((r) => r.status === 429);
      expect(refused).toHaveLength(25);
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused[0]!.json.error?.code).toBe('too_many_attempts');
      expect(
        (await call(a.app, 'POST', '/auth/password', { as: me, body: { ...body, currentPassword: PW } })).status,
      ).toBe(429);
      const id = (await a.deps.uow.read.users.getByEmail('owner8@throttle.test'))!.id;
      const failed = await a.deps.uow.read.audit.query({
        action: 'user.change_password_failed',
        targetId: id,
        limit: 50,
      });
      expect(failed).toHaveLength(5);
      expect(failed[0]).toMatchObject({ actorUserId: id, targetType: 'user' });
      expect(await a.deps.uow.read.audit.count({ action: 'user.change_password_blocked', targetId: id })).toBe(1);
      nowMs += 61_000;
      expect(
        (await call(a.app, 'POST', '/auth/password', { as: me, body: { ...body, currentPassword: PW } })).status,
      ).toBe(200);
    });

    it('cleans up expired counters', async () => {
      const expired = async () => {
        const res = await engines[0]!.db.execute(
          `SELECT count(*)::int AS n FROM login_throttle WHERE expires_at <= '${now().toISOString()}'`,
        );
        return rowsOf<{ n: number }>(res)[0]!.n;
      };
      nowMs += 2 * 24 * 3600_000;
      expect(await expired()).toBeGreaterThan(0);
      for (let i = 0; i < 10 && (await expired()) > 0; i++)
        await signIn(a, 'nobody@throttle.test', WRONG, `192.0.2.${100 + i}`);
      expect(await expired()).toBe(0);
    });
  });
}
