import { createHash } from 'node:crypto';
import { normalizeRecoveryCode } from './mfa';

// Apart from ./mfa.ts so that the web app, which reads the MFA rules, does not pull node:crypto into the bundle.

/** Recovery codes are stored only as this digest (80 random bits need no slow hash). */
export const recoveryCodeDigest = (typed: string) =>
  createHash('sha256')
    .update(`ismap-recovery\u0000${normalizeRecoveryCode(typed)}`)
    .digest('hex');
