import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeDeps } from '../../src/app/testing/fake-deps';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { scheduleAuditCheckpoints } from '../../src/cli/checkpoint-schedule';
import { systemActor } from '../../src/core/identity';
import { testCheckpoints } from '../support/audit-checkpoints';

const sys = { actor: systemActor, requestId: 'test' };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A ticker the test fires by hand. */
function handTicker() {
  const t = { period: 0, fire: () => {}, stopped: false };
  return {
    t,
    ticker: { every: (ms: number, fn: () => void) => ((t.period = ms), (t.fire = fn), () => (t.stopped = true)) },
  };
}

describe('periodic audit checkpoints', () => {
  it('signs the head on each tick when it moved, and only then', async () => {
    const cps = testCheckpoints();
    cleanups.push(cps.cleanup);
    const deps = { ...fakeDeps(), auditCheckpoints: cps };
    const { t, ticker } = handTicker();
    const errors: unknown[] = [];
    const s = scheduleAuditCheckpoints(
      deps,
      { info: () => undefined, error: (o: unknown) => errors.push(o) } as never,
      600,
      ticker,
    );
    expect(t.period).toBe(600_000);
    const lines = () =>
      readFileSync(cps.file, { encoding: 'utf8', flag: 'a+' })
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { seq: number });

    t.fire(); // empty log: nothing to sign
    await s.idle();
    expect(lines()).toEqual([]);
    await createOrganization(deps, sys, { kind: 'agency', slug: 'a', nameJa: 'あ', nameEn: 'A' });
    t.fire();
    await s.idle();
    t.fire(); // unchanged head: no second line
    await s.idle();
    expect(lines().map((l) => l.seq)).toEqual([1]);
    await createOrganization(deps, sys, { kind: 'agency', slug: 'b', nameJa: 'い', nameEn: 'B' });
    t.fire();
    await s.idle();
    expect(lines().map((l) => l.seq)).toEqual([1, 2]);
    expect(errors).toEqual([]);
    await s.stop();
    expect(t.stopped).toBe(true);
  });

  it('does nothing without a signing key or with interval 0', () => {
    const { t, ticker } = handTicker();
    scheduleAuditCheckpoints(fakeDeps(), console as never, 600, ticker);
    expect(t.period).toBe(0);
  });
});
