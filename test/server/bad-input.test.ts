import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, login, startTestServer, type Caller, type TestServer } from '../support/server';
import { captureLogs } from '../support/log-capture';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

const PW = 'bad-input-password-1';
const rawJson = (
  app: TestServer['app'],
  path: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
) =>
  app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body as BodyInit,
  });

for (const engine of ['pglite', 'postgres'] as const) {
  const run = engine === 'postgres' && !inject('pgUrl') ? describe.skip : describe;
  run(`bad input answers 4xx, never 500 [${engine}]`, () => {
    let s: TestServer;
    let admin: Caller;
    let logs: ReturnType<typeof captureLogs>;
    beforeAll(async () => {
      s = await startTestServer(engine);
      await createUser(
        s.deps,
        { actor: systemActor, requestId: null },
        { email: 'root@bad.test', displayName: 'R', password: PW, isPlatformAdmin: true },
      );
      admin = await login(s.app, 'root@bad.test', PW);
      logs = captureLogs(s);
    });
    afterAll(async () => s?.close());

    const issue = async (res: Response) => {
      const body = (await res.json()) as { error: { code: string; issues?: { path: unknown[]; code?: string }[] } };
      return { status: res.status, code: body.error.code, issue: body.error.issues?.[0] };
    };

    it('refuses a NUL or a lone surrogate in the sign-in email with 400 and the field', async () => {
      for (const [email, code] of [
        ['a\u0000@bad.test', 'nul_character'],
        ['a\ud800@bad.test', 'lone_surrogate'],
        ['\udc00', 'lone_surrogate'],
      ] as const) {
        const r = await issue(await rawJson(s.app, '/auth/login', JSON.stringify({ email, password: PW })));
        expect(r, JSON.stringify(email)).toMatchObject({
          status: 400,
          code: 'validation_failed',
          issue: { path: ['body', 'email'], code },
        });
      }
      // A surrogate pair is a character like any other.
      expect(
        (await rawJson(s.app, '/auth/login', JSON.stringify({ email: 'a\ud83d\ude00@bad.test', password: PW }))).status,
      ).toBe(401);
    });

    it('refuses a NUL in a display name: 400, nothing written, and no password hash in the log', async () => {
      const before = (await s.deps.uow.read.users.list()).length;
      const r = await call(s.app, 'POST', '/users', {
        as: admin,
        body: { email: 'nul@bad.test', displayName: 'N\u0000ame', password: 'another-password-12' },
      });
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({
        code: 'validation_failed',
        issues: [{ path: ['body', 'displayName'], code: 'nul_character' }],
      });
      expect((await s.deps.uow.read.users.list()).length).toBe(before);
      expect(logs.text()).not.toMatch(/\$argon2/);
    });

    it('refuses invalid UTF-8 in a JSON body instead of storing U+FFFD', async () => {
      const before = (await s.deps.uow.read.organizations.list()).length;
      const head = Buffer.from('{"kind":"csp","slug":"utf","nameJa":"');
      const body = Buffer.concat([head, Buffer.from([0xe3, 0x81]), Buffer.from('","nameEn":"U"}')]);
      const r = await issue(
        await rawJson(s.app, '/organizations', body, { cookie: admin.cookie, 'x-csrf-token': admin.csrf }),
      );
      expect(r).toMatchObject({
        status: 400,
        code: 'validation_failed',
        issue: { path: ['body'], code: 'invalid_utf8' },
      });
      expect((await s.deps.uow.read.organizations.list()).length).toBe(before);
    });

    it('refuses malformed and absurdly deep JSON with 400', async () => {
      expect(await issue(await rawJson(s.app, '/auth/login', '{"email": "a@b.test", "password": '))).toMatchObject({
        status: 400,
        issue: { code: 'malformed_json' },
      });
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      expect(await issue(await rawJson(s.app, '/auth/login', deep))).toMatchObject({
        status: 400,
        issue: { code: 'json_too_deep' },
      });
    });

    it('answers 400 for a malformed percent escape or a NUL in the path or query', async () => {
      for (const path of [
        '/%E0%A4%A',
        '/catalogs/%zz',
        '/api/v1/organizations/%E0%A4%A',
        '/api/v1/catalogs/%00',
        '/api/v1/audit?action=%00',
      ]) {
        const res = await s.app.request(path, { headers: { cookie: admin.cookie } });
        expect(res.status, path).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('validation_failed');
      }
    });

    it('never logged an unhandled error for any of it', () => {
      expect(logs.text()).not.toMatch(/unhandled error/);
    });
  });
}
