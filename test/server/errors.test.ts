import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestServer, type Caller, type TestServer } from '../support/server';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

// Errors carry what the UI needs to say them in the user's language: the kind (`code`), which failure (`reason`
// + `params`) and, per problem, a stable `code` + `params` — zod's checks included.

describe('typed error answers', () => {
  let s: TestServer;
  let admin: Caller;
  beforeAll(async () => {
    s = await startTestServer();
    await createUser(
      s.deps,
      { actor: systemActor, requestId: null },
      { email: 'pa@errors.test', displayName: 'PA', password: 'errors-password-123', isPlatformAdmin: true },
    );
    admin = await login(s.app, 'pa@errors.test', 'errors-password-123');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a conflict names its reason and parameters', async () => {
    const body = { kind: 'csp', slug: 'taken-slug', nameJa: '社', nameEn: 'Co' };
    expect((await call(s.app, 'POST', '/organizations', { as: admin, body })).status).toBe(201);
    const res = await call(s.app, 'POST', '/organizations', { as: admin, body });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: 'conflict',
      reason: 'slug_taken',
      params: { slug: 'taken-slug' },
      issues: [{ path: ['slug'], code: 'slug_taken', params: { slug: 'taken-slug' } }],
    });
  });

  it('a validation failure gives each problem a code with the numbers to say it again', async () => {
    const res = await call(s.app, 'POST', '/users', {
      as: admin,
      body: { email: 'not-an-email', displayName: 'x', password: 'short' },
    });
    expect(res.status).toBe(400);
    const issues = (
      res.json.error as unknown as { issues: { path: string[]; code: string; params: Record<string, unknown> }[] }
    ).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: ['json', 'password'],
        code: 'zod_too_small',
        params: expect.objectContaining({ minimum: 12, origin: 'string' }),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: ['json', 'email'],
        code: 'zod_invalid_format',
        params: expect.objectContaining({ format: 'email' }),
      }),
    );
  });

  it('a missing node says which one, in which catalog', async () => {
    const res = await call(s.app, 'GET', '/catalogs/nope/editions/2024-07/nodes/1.1', { as: admin });
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: 'not_found' });
    expect(res.json.error).toMatchObject({
      reason: 'edition_not_found',
      params: { catalog: 'nope', edition: '2024-07' },
    });
  });
});
