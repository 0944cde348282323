import { describe, expect, it } from 'vitest';
import {
  isRecentlyAuthenticated,
  looksLikeRecoveryCode,
  mfaRequired,
  normalizeRecoveryCode,
  recoveryCodeFromBytes,
  signInStepAfterPassword,
  totpStepAccepted,
  totpStepAt,
} from './mfa';
import { recoveryCodeDigest } from './recovery-code-digest';

describe('MFA rules', () => {
  it('requires a second factor of platform administrators and of members of an organization that asks', () => {
    const on = { platformAdmins: true };
    expect(mfaRequired({ isPlatformAdmin: true }, [], on)).toBe(true);
    expect(mfaRequired({ isPlatformAdmin: true }, [], { platformAdmins: false })).toBe(false);
    expect(mfaRequired({ isPlatformAdmin: false }, [{ requireMfa: false }], on)).toBe(false);
    expect(mfaRequired({ isPlatformAdmin: false }, [{ requireMfa: false }, { requireMfa: true }], on)).toBe(true);
  });

  it('makes sign-in two-step for anyone with a factor, and an enrolment step for those who must have one', () => {
    expect(signInStepAfterPassword({ hasSecondFactor: true, required: false })).toBe('second_factor');
    expect(signInStepAfterPassword({ hasSecondFactor: true, required: true })).toBe('second_factor');
    expect(signInStepAfterPassword({ hasSecondFactor: false, required: true })).toBe('enrol');
    expect(signInStepAfterPassword({ hasSecondFactor: false, required: false })).toBeNull();
  });

  it('counts a proof of identity as recent for ten minutes, never one from the future', () => {
    const at = new Date('2026-04-01T10:00:00Z');
    expect(isRecentlyAuthenticated(at, new Date('2026-04-01T10:10:00Z'))).toBe(true);
    expect(isRecentlyAuthenticated(at, new Date('2026-04-01T10:10:01Z'))).toBe(false);
    expect(isRecentlyAuthenticated(at, new Date('2026-04-01T09:59:00Z'))).toBe(false);
    expect(isRecentlyAuthenticated(null, at)).toBe(false);
  });

  it('accepts each TOTP step once and never an older one', () => {
    expect(totpStepAt(59_999)).toBe(1);
    expect(totpStepAt(60_000)).toBe(2);
    expect(totpStepAccepted(null, 5)).toBe(true);
    expect(totpStepAccepted(5, 6)).toBe(true);
    expect(totpStepAccepted(5, 5)).toBe(false);
    expect(totpStepAccepted(5, 4)).toBe(false);
  });

  it('writes recovery codes in four groups and reads them back however they are typed', () => {
    const code = recoveryCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code.replace(/-/g, ''));
    expect(recoveryCodeDigest(code.toLowerCase())).toBe(recoveryCodeDigest(code));
    expect(normalizeRecoveryCode('o0-il')).toBe('0011');
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(() => recoveryCodeFromBytes(new Uint8Array(4))).toThrow();
  });

  it('gives different bytes different codes', () => {
    const a = recoveryCodeFromBytes(new Uint8Array(10));
    const b = recoveryCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(a).toBe('0000-0000-0000-0000');
    expect(b).toBe('0000-0000-0000-0001');
  });
});
