/**
 * Multi-factor sign-in rules. Pure: the clock's `now` and random bytes come in from the app layer.
 *
 * Sign-in is two steps when the user has a second factor: the password opens a session that may do nothing but
 * give the second factor (`second_factor`). A user who must use one and has none gets a session that may only enrol
 * one (`enrol`): platform administrators (ISMAP 9.2.3.11.PB, privileged access) and members of an organization that
 * requires it.
 */
export const mfaMethods = ['totp', 'passkey', 'recovery_code'] as const;
export type MfaMethod = (typeof mfaMethods)[number];

export const signInSteps = ['second_factor', 'enrol'] as const;
export type SignInStep = (typeof signInSteps)[number];

/** Who must use a second factor: platform administrators (unless the installation turned that off) and members of
 *  an organization that requires it. */
export function mfaRequired(
  user: { isPlatformAdmin: boolean },
  organizations: readonly { requireMfa: boolean }[],
  policy: { platformAdmins: boolean },
): boolean {
  return (policy.platformAdmins && user.isPlatformAdmin) || organizations.some((o) => o.requireMfa);
}

/**
 * What a session must still do after a right password.
 * Example: signInStepAfterPassword({ hasSecondFactor: false, required: true }) === 'enrol'.
 */
export function signInStepAfterPassword(f: { hasSecondFactor: boolean; required: boolean }): SignInStep | null {
  if (f.hasSecondFactor) return 'second_factor';
  return f.required ? 'enrol' : null;
}

/** How long a proof of identity counts for sensitive actions (changing MFA, API tokens, exporting the audit log). */
export const RECENT_AUTH_MS = 10 * 60_000;

export function isRecentlyAuthenticated(authenticatedAt: Date | null, now: Date, windowMs = RECENT_AUTH_MS): boolean {
  if (!authenticatedAt) return false;
  const age = now.getTime() - authenticatedAt.getTime();
  return age >= 0 && age <= windowMs;
}

/** RFC 6238 with the parameters every authenticator app supports. */
export const TOTP = { period: 30, digits: 6, algorithm: 'SHA1', window: 1 } as const;

export const totpStepAt = (epochMs: number) => Math.floor(epochMs / 1000 / TOTP.period);

/**
 * A code is accepted once: its time step must be newer than the last one used. A replay within the same step (or
 * an older code still inside the validity window) is refused.
 */
export function totpStepAccepted(lastUsedStep: number | null, step: number): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}

export const looksLikeTotpCode = (s: string) => /^\d{6}$/.test(s.replace(/\s/g, ''));

/** Ten codes of 80 bits, written as four groups of four Crockford base32 letters: `K7QM-3XZD-9PAF-W2HC`. */
export const RECOVERY_CODE_COUNT = 10;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A recovery code from 10 random bytes. */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error('a recovery code needs 10 random bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes.subarray(0, 10)) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What the user typed, as stored: upper case, without separators, with the letters people confuse folded. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const looksLikeRecoveryCode = (typed: string) => /^[0-9A-HJKMNP-TV-Z]{16}$/.test(normalizeRecoveryCode(typed));

export const PASSKEY_NAME_MAX = 64;
/** How long a WebAuthn challenge stays answerable. */
export const WEBAUTHN_CHALLENGE_MS = 5 * 60_000;

/**
 * WebAuthn's signature counter (§6.1.1): an authenticator that counts must show a larger number each time; one
 * that does not count always sends 0. A counter that did not grow means the credential may have been cloned.
 * Example: signCounterAccepted(5, 6) === true; signCounterAccepted(5, 5) === false; signCounterAccepted(0, 0) === true.
 */
export function signCounterAccepted(stored: number, received: number): boolean {
  return (stored === 0 && received === 0) || received > stored;
}
