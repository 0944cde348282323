import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPgDatabase, describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { openEngine, type Engine } from '../../src/db/engine';
import { repositories } from '../../src/db/unit-of-work';
import { createUser } from '../../src/app/use-cases/users/create-user';
import { systemActor } from '../../src/core/identity';
import type { ThrottleHit } from '../../src/app/ports/repositories';

const t0 = new Date('2026-04-01T00:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);
const hit = (key: string, slide: boolean, expiresAt: Date): ThrottleHit => ({ key, scope: 'pair', expiresAt, slide });

describeEachEngine('login throttle counters', (engine) => {
  const repo = () => repositories(engine().db).loginThrottle;

  it('counts concurrent hits on one key atomically, each seeing the failure before it', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => repo().hit([hit('k-concurrent', true, plus(60_000 + i))], plus(i))),
    );
    const counts = results.map((r) => r.get('k-concurrent')!.failures).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const firsts = results.map((r) => r.get('k-concurrent')!).filter((c) => c.failures === 1);
    expect(firsts[0]!.previousFailureAt).toBeNull();
    expect((await repo().get(['k-concurrent'])).get('k-concurrent')!.failures).toBe(20);
  });

  it('slides a backoff counter, keeps a window fixed, and starts over once expired', async () => {
    await repo().hit([hit('k-slide', true, plus(10_000)), hit('k-window', false, plus(10_000))], t0);
    const second = await repo().hit(
      [hit('k-slide', true, plus(15_000)), hit('k-window', false, plus(15_000))],
      plus(5000),
    );
    expect(second.get('k-slide')).toMatchObject({
      failures: 2,
      expiresAt: plus(15_000).getTime(),
      previousFailureAt: t0.getTime(),
    });
    expect(second.get('k-window')).toMatchObject({
      failures: 2,
      expiresAt: plus(10_000).getTime(),
      windowStart: t0.getTime(),
    });
    const later = await repo().hit([hit('k-window', false, plus(30_000))], plus(20_000));
    expect(later.get('k-window')).toMatchObject({
      failures: 1,
      windowStart: plus(20_000).getTime(),
      previousFailureAt: null,
    });
  });

  it('takes a hit back, clears, and purges expired counters in bounded batches', async () => {
    await repo().hit([hit('k-un', false, plus(10_000))], t0);
    await repo().hit([hit('k-un', false, plus(10_000))], t0);
    await repo().uncount(['k-un', 'k-missing']);
    expect((await repo().get(['k-un'])).get('k-un')!.failures).toBe(1);
    await repo().hit([hit('k-un', false, plus(10_000)), hit('k-pair', true, plus(10_000))], t0);
    await repo().settle(['k-pair'], ['k-un']);
    const settled = await repo().get(['k-un', 'k-pair']);
    expect([settled.get('k-un')?.failures, settled.has('k-pair')]).toEqual([1, false]);
    await repo().clear(['k-un']);
    expect((await repo().get(['k-un'])).size).toBe(0);
    for (let i = 0; i < 5; i++) await repo().hit([hit(`k-old-${i}`, true, plus(1000))], t0);
    const far = plus(365 * 24 * 3600_000);
    expect(await repo().purgeExpired(far, 3)).toBe(3);
    let total = 3;
    for (let n = await repo().purgeExpired(far, 100); n > 0; n = await repo().purgeExpired(far, 100)) total += n;
    expect(total).toBeGreaterThanOrEqual(5);
    expect((await repo().get(['k-old-0', 'k-old-4'])).size).toBe(0);
  });

  it('stores known devices for a user and forgets expired ones', async () => {
    const user = await createUser(
      testDeps(engine()),
      { actor: systemActor, requestId: null },
      {
        email: 'device@throttle.test',
        displayName: 'D',
        password: 'device-password-123',
      },
    );
    const devices = repositories(engine().db).knownDevices;
    await devices.insert({ id: 'dev-1', userId: user.id, createdAt: t0, lastUsedAt: t0, expiresAt: plus(1000) });
    await devices.touch('dev-1', plus(500), plus(2000));
    expect(await devices.get('dev-1')).toEqual({
      id: 'dev-1',
      userId: user.id,
      createdAt: t0,
      lastUsedAt: plus(500),
      expiresAt: plus(2000),
    });
    expect(await devices.purgeExpired(plus(1500), 10)).toBe(0);
    for (let i = 0; i < 4; i++) {
      await devices.insert({
        id: `dev-t${i}`,
        userId: user.id,
        createdAt: t0,
        lastUsedAt: plus(i),
        expiresAt: plus(1000),
      });
    }
    await devices.trim(user.id, 2);
    expect([await devices.get('dev-1'), await devices.get('dev-t3'), await devices.get('dev-t1')].map(Boolean)).toEqual(
      [true, true, false],
    );
    expect(await devices.purgeExpired(plus(2000), 10)).toBe(2);
    expect(await devices.get('dev-1')).toBeNull();
  });
});

// Two servers on one PostgreSQL: two pools hitting the same counter at once still count every failure once.
(inject('pgUrl') ? describe : describe.skip)('login throttle counters shared by two PostgreSQL connections', () => {
  let engines: Engine[] = [];
  beforeAll(async () => {
    const url = await createPgDatabase();
    engines = [
      await openEngine({ databaseUrl: url, poolSize: 4 }),
      await openEngine({ databaseUrl: url, poolSize: 4 }),
    ];
  });
  afterAll(async () => {
    for (const e of engines) await e.close();
  });

  it('gives every concurrent hit from either server a distinct count', async () => {
    const repos = engines.map((e) => repositories(e.db).loginThrottle);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => repos[i % 2]!.hit([hit('shared', true, plus(60_000))], plus(i))),
    );
    const counts = results.map((r) => r.get('shared')!.failures).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
