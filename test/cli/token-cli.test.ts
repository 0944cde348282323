import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, settleCliRuns } from '../support/cli';
import { openEngine } from '../../src/db/engine';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { authenticateApiToken } from '../../src/app/use-cases/api-tokens/authenticate-api-token';
import { systemActor } from '../../src/core/identity';

const root = resolve(__dirname, '..', '..');

// The operator on the host creates, lists and revokes a user's API tokens (people do it on the account page).
describe('ismap token create | list | revoke', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-token-cli-'));
    const engine = await openEngine({ dataDir: dir });
    const deps = testDeps(engine);
    const sys = { actor: systemActor, requestId: null };
    const org = await createOrganization(deps, sys, { kind: 'csp', slug: 'tok-org', nameJa: '社', nameEn: 'Co' });
    await createUser(deps, sys, {
      email: 'ci@example.jp',
      displayName: 'CI',
      password: 'operator-password-1',
      memberships: [{ orgId: org.id, role: 'editor' }],
    });
    await engine.close();
  });
  afterEach(settleCliRuns);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(argv, { env: { ISMAP_DATA_DIR: dir }, cwd: root });

  it('prints a new token once, lists it without the token, and revokes it', { timeout: 180_000 }, async () => {
    const created = await run([
      'token',
      'create',
      '--email',
      'ci@example.jp',
      '--name',
      'nightly',
      '--access',
      'read',
      '--resources',
      'catalogs,mappings',
      '--expires-days',
      '90',
    ]);
    expect(created.code, created.err).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^ismap_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toMatch(/catalogs:read mappings:read.*\nCopy it now/);

    const listed = await run(['token', 'list', '--email', 'ci@example.jp', '--json']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).not.toContain(token.slice(14));
    const [row] = JSON.parse(listed.out) as { id: string; state: string; scopes: string[]; hint: string }[];
    expect(row).toMatchObject({
      state: 'active',
      scopes: ['catalogs:read', 'mappings:read'],
      hint: token.slice(0, 14),
    });

    const revoked = await run(['token', 'revoke', row!.id]);
    expect(revoked.code, revoked.err).toBe(0);
    const after = JSON.parse((await run(['token', 'list', '--email', 'ci@example.jp', '--json'])).out) as {
      state: string;
    }[];
    expect(after[0]!.state).toBe('revoked');

    const engine = await openEngine({ dataDir: dir });
    try {
      expect(await authenticateApiToken(testDeps(engine), token, null)).toMatchObject({
        ok: false,
        failure: 'revoked',
      });
      const events = await engine.db.execute(
        `SELECT action FROM audit_events WHERE action LIKE 'api_token.%' ORDER BY seq`,
      );
      expect(JSON.stringify(events)).toMatch(/api_token\.create.*api_token\.revoke/);
    } finally {
      await engine.close();
    }
  });

  it(
    'refuses bad scopes, a missing expiry and an expiry over a year (usage, exit 2)',
    { timeout: 60_000 },
    async () => {
      const base = ['token', 'create', '--email', 'ci@example.jp', '--name', 'x'];
      expect((await run([...base, '--access', 'admin', '--resources', 'all', '--expires-days', '1'])).code).toBe(2);
      expect((await run([...base, '--access', 'read', '--resources', 'users', '--expires-days', '1'])).code).toBe(2);
      expect((await run([...base, '--access', 'read', '--resources', 'all'])).code).toBe(2);
      expect((await run([...base, '--access', 'read', '--resources', 'all', '--expires-days', '366'])).code).toBe(2);
      const unknown = await run(['token', 'list', '--email', 'nobody@example.jp']);
      expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/No user has the email/)]);
    },
  );
});
