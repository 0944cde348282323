import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { openEngine } from '../../src/db/engine';
import { testDeps } from '../support/fixtures';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

const root = resolve(__dirname, '..', '..');

// The operator on the host may add members directly (the web app and API only invite).
describe('ismap member set', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-member-'));
    const engine = await openEngine({ dataDir: dir });
    const deps = testDeps(engine);
    const sys = { actor: systemActor, requestId: null };
    await createOrganization(deps, sys, { kind: 'csp', slug: 'cli-org', nameJa: 'CLI社', nameEn: 'CLI' });
    await createUser(deps, sys, { email: 'op@example.jp', displayName: 'Op', password: 'operator-password-1' });
    await engine.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(argv, { env: { ISMAP_DATA_DIR: dir }, cwd: root });

  // Each run opens the embedded database (seconds on a busy machine): a generous timeout, no timing assertion.
  it('adds an existing user with a role, and refuses unknown users and bad roles', { timeout: 120_000 }, async () => {
    const added = await run([
      'member',
      'set',
      '--org',
      'cli-org',
      '--email',
      'op@example.jp',
      '--role',
      'admin',
      '--json',
    ]);
    expect(added.code, added.err).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({ role: 'admin' });
    const unknown = await run([
      'member',
      'set',
      '--org',
      'cli-org',
      '--email',
      'nobody@example.jp',
      '--role',
      'viewer',
    ]);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/No user with email nobody@example.jp/)]);
    expect((await run(['member', 'set', '--org', 'cli-org', '--email', 'op@example.jp', '--role', 'owner'])).code).toBe(
      2,
    );
    const engine = await openEngine({ dataDir: dir });
    const events = await testDeps(engine).uow.read.audit.query({ action: 'membership.*', order: 'asc', limit: 10 });
    await engine.close();
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([['membership.create', systemActor.userId]]);
  });
});
