import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { openEngine } from '../../src/db/engine';
import { testDeps } from '../support/fixtures';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';

const root = resolve(__dirname, '..', '..');

// A platform administrator who lost every second factor gets back in through the operator on the host.
describe('ismap user mfa-reset', () => {
  let dir: string;
  let userId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ismap-mfa-reset-'));
    const engine = await openEngine({ dataDir: dir });
    const deps = testDeps(engine);
    const sys = { actor: systemActor, requestId: null };
    const u = await createUser(deps, sys, {
      email: 'locked@example.jp',
      displayName: 'Locked Out',
      password: 'operator-password-1',
      isPlatformAdmin: true,
    });
    userId = u.id;
    const now = new Date();
    await deps.uow.read.mfa.putPendingTotp({
      userId,
      secretSealed: 'x',
      confirmedAt: null,
      lastUsedStep: null,
      createdAt: now,
    });
    await deps.uow.read.mfa.confirmTotp(userId, now, 1);
    await deps.uow.read.mfa.replaceRecoveryCodes(userId, ['a', 'b'], now);
    await engine.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(argv, { env: { ISMAP_DATA_DIR: dir }, cwd: root });

  it('removes the factors and codes, audited, and says so', { timeout: 120_000 }, async () => {
    const r = await run(['user', 'mfa-reset', 'locked@example.jp', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ userId, totp: true, passkeys: 0, recoveryCodes: 2 });
    expect((await run(['user', 'mfa-reset', 'nobody@example.jp'])).code).not.toBe(0);
    expect((await run(['user', 'mfa-reset'])).code).toBe(2);
    const engine = await openEngine({ dataDir: dir });
    try {
      const deps = testDeps(engine);
      expect(await deps.uow.read.mfa.getTotp(userId)).toBeNull();
      const events = await deps.uow.read.audit.query({ action: 'mfa.reset', limit: 5 });
      expect(events).toHaveLength(1);
      expect(events[0]!.targetId).toBe(userId);
    } finally {
      await engine.close();
    }
  });
});
