import type { AppDeps } from '../../src/app/context';
import type { Engine } from '../../src/db/engine';
import { appDeps } from '../../src/cli/runtime';

/** Use-case dependencies over a real engine, with cheap argon2 and a controllable clock. */
/**
 * Platform administrators are not made to enrol a second factor unless the test asks (`mfaForPlatformAdmins`): the
 * tests of other features sign in as one with a password. test/server/mfa-*.test.ts turn it on.
 */
export function testDeps(
  engine: Engine,
  now = () => new Date(),
  opts: { mfaForPlatformAdmins?: boolean } = {},
): AppDeps {
  return appDeps(engine, {
    fastHashing: true,
    clock: { now },
    mfaForPlatformAdmins: opts.mfaForPlatformAdmins ?? false,
  });
}
