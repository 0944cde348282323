import { createHash } from 'node:crypto';
import { inMemoryBlobStore } from './in-memory-blob-store';
import { defaultThrottleLimits } from '../../core/login-throttle';
import { totpStepAt } from '../../core/mfa';
import type { SecretBox, TotpService, WebAuthnService } from '../ports/mfa-services';
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

/** A stand-in for RFC 6238 whose code for a step is easy to compute in a test: `fakeTotpCode(secret, step)`. */
export const fakeTotpCode = (secret: string, step: number) =>
  String(parseInt(createHash('sha256').update(`${secret}/${step}`).digest('hex').slice(0, 8), 16) % 1_000_000).padStart(
    6,
    '0',
  );
export const fakeTotp: TotpService = {
  newSecret: () => 'FAKESECRET',
  uri: (secret, account, issuer) => `otpauth://totp/${issuer}:${account}?secret=${secret}`,
  matchStep(secret, code, now) {
    const step = totpStepAt(now.getTime());
    for (const s of [step - 1, step, step + 1]) if (fakeTotpCode(secret, s) === code) return s;
    return null;
  },
};
const plainSecrets: SecretBox = { seal: (p) => `sealed:${p}`, open: (s) => s.replace(/^sealed:/, '') };
const noWebAuthn: WebAuthnService = new Proxy({} as WebAuthnService, {
  get: () => () => {
    throw new Error('WebAuthn is not faked: test passkeys in the browser tier');
  },
});

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
    mfa: { totp: fakeTotp, webauthn: noWebAuthn, secrets: plainSecrets, requiredForPlatformAdmins: true },
    blobs: inMemoryBlobStore(),
    advance: (ms: number) => {
      now += ms;
    },
  } satisfies AppDeps & Record<string, unknown>;
  return deps;
}
