import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines';
import { testDeps } from '../support/fixtures';

// The challenges of passwordless passkey sign-ins (migration 0017): one per browser, taken once, expired ones purged
// in bounded batches. On PGlite and PostgreSQL.
describeEachEngine('passkey sign-in challenges', (engine) => {
  it('keeps one challenge per browser, hands it out once, and purges expired ones in batches', async () => {
    const now = new Date('2026-12-01T12:00:00.000Z');
    const repo = testDeps(engine(), () => now).uow.read.mfa;
    const later = new Date(now.getTime() + 300_000);
    const earlier = (s: number) => new Date(now.getTime() - s * 1000);
    await repo.putSignInChallenge({ browserHash: 'b1', challenge: 'first', expiresAt: later });
    await repo.putSignInChallenge({ browserHash: 'b1', challenge: 'second', expiresAt: later });
    expect(await repo.takeSignInChallenge('b1')).toEqual({ browserHash: 'b1', challenge: 'second', expiresAt: later });
    expect(await repo.takeSignInChallenge('b1')).toBeNull();
    expect(await repo.takeSignInChallenge('never-asked')).toBeNull();

    for (let i = 0; i < 5; i++)
      await repo.putSignInChallenge({ browserHash: `old${i}`, challenge: 'c', expiresAt: earlier(i + 1) });
    await repo.putSignInChallenge({ browserHash: 'live', challenge: 'c', expiresAt: later });
    expect(await repo.purgeSignInChallenges(now, 3)).toBe(3);
    expect(await repo.purgeSignInChallenges(now, 3)).toBe(2);
    expect(await repo.purgeSignInChallenges(now, 3)).toBe(0);
    expect((await repo.takeSignInChallenge('live'))?.challenge).toBe('c');
  });
});
