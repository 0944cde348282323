import type { AppDeps } from '../../src/app/context';
import type { Engine } from '../../src/db/engine';
import { appDeps } from '../../src/cli/runtime';

/** Use-case dependencies over a real engine, with cheap argon2 and a controllable clock. */
export function testDeps(engine: Engine, now = () => new Date()): AppDeps {
  return appDeps(engine, { fastHashing: true, clock: { now } });
}
