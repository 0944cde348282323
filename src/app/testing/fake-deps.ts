import { inMemoryBlobStore } from './in-memory-blob-store';
import { defaultThrottleLimits } from '../../core/login-throttle';
import { CatalogCache } from '../catalog-cache';
import type { AppDeps } from '../context';
import { SessionCache } from '../session-cache';
import { StatementReadinessCache } from '../statement-readiness';
import type { PasswordHasher } from '../ports/services';
import { inMemoryUnitOfWork } from './in-memory-repositories';

/** A reversible stand-in for argon2id: the small tier tests use cases, not hashing. */
export const plainHasher: PasswordHasher = {
  hash: async (password) => `plain:${password}`,
  verify: async (hash, password) => hash === `plain:${password}`,
};

/**
 * Use-case dependencies on in-memory fakes: no database, deterministic ids and a clock the test moves
 * (`deps.advance(ms)`). `deps.uow.state()` shows what was committed.
 */
export function fakeDeps(start = new Date('2026-04-01T00:00:00.000Z')) {
  let now = start.getTime();
  let n = 0;
  const sessionCache = new SessionCache();
  const uow = inMemoryUnitOfWork({ afterCommit: () => sessionCache.invalidate() });
  const deps = {
    uow,
    hasher: plainHasher,
    clock: { now: () => new Date(now) },
    ids: {
      uuid: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
      token: () => `token-${(++n).toString(36).padStart(43, '0')}`,
    },
    throttle: defaultThrottleLimits,
    catalogCache: new CatalogCache(),
    sessionCache,
    statementReadiness: new StatementReadinessCache(),
    blobs: inMemoryBlobStore(),
    advance: (ms: number) => {
      now += ms;
    },
  } satisfies AppDeps & Record<string, unknown>;
  return deps;
}
