import { LoginThrottle } from '../../src/core/login-throttle';
import type { AppDeps } from '../../src/app/context';
import { CatalogCache } from '../../src/app/catalog-cache';
import type { Engine } from '../../src/db/engine';
import { unitOfWork } from '../../src/db/unit-of-work';
import { argon2Hasher } from '../../src/infra/argon2-hasher';
import { cryptoIds } from '../../src/infra/system';

/** Use-case dependencies over a real engine, with cheap argon2 and a controllable clock. */
export function testDeps(engine: Engine, now = () => new Date()): AppDeps {
  return {
    uow: unitOfWork(engine.db),
    hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    clock: { now },
    ids: cryptoIds,
    throttle: new LoginThrottle(),
    catalogCache: new CatalogCache(),
  };
}
