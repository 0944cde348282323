import type { MfaChallenge, MfaRepository, Passkey, SignInChallenge, TotpRecord } from '../ports/mfa-repositories';

export interface MfaState {
  totp: Map<string, TotpRecord>;
  /** `${userId}/${hash}` → when it was used (null: unused). */
  recovery: Map<string, { userId: string; usedAt: Date | null }>;
  passkeys: Map<string, Passkey>;
  challenges: Map<string, MfaChallenge>;
  signInChallenges: Map<string, SignInChallenge>;
}

export const emptyMfaState = (): MfaState => ({
  totp: new Map(),
  recovery: new Map(),
  passkeys: new Map(),
  challenges: new Map(),
  signInChallenges: new Map(),
});

/** The MFA repository in memory, with the database's once-only semantics (a TOTP step, a recovery code, a challenge). */
export function inMemoryMfa(s: MfaState): MfaRepository {
  const userCodes = (userId: string) => [...s.recovery.entries()].filter(([, v]) => v.userId === userId);
  return {
    async getTotp(userId) {
      const t = s.totp.get(userId);
      return t ? { ...t } : null;
    },
    async putPendingTotp(t) {
      if (s.totp.get(t.userId)?.confirmedAt) return;
      s.totp.set(t.userId, { ...t, lastUsedStep: null });
    },
    async confirmTotp(userId, at, step) {
      const t = s.totp.get(userId);
      if (t) s.totp.set(userId, { ...t, confirmedAt: at, lastUsedStep: step });
    },
    async useTotpStep(userId, step) {
      const t = s.totp.get(userId);
      if (!t || (t.lastUsedStep !== null && t.lastUsedStep >= step)) return false;
      s.totp.set(userId, { ...t, lastUsedStep: step });
      return true;
    },
    async deleteTotp(userId) {
      return s.totp.delete(userId);
    },
    async replaceRecoveryCodes(userId, hashes) {
      for (const [k] of userCodes(userId)) s.recovery.delete(k);
      for (const h of hashes) s.recovery.set(`${userId}/${h}`, { userId, usedAt: null });
    },
    async useRecoveryCode(userId, hash, at) {
      const c = s.recovery.get(`${userId}/${hash}`);
      if (!c || c.usedAt) return false;
      s.recovery.set(`${userId}/${hash}`, { userId, usedAt: at });
      return true;
    },
    async countUnusedRecoveryCodes(userId) {
      return userCodes(userId).filter(([, v]) => !v.usedAt).length;
    },
    async deleteRecoveryCodes(userId) {
      const codes = userCodes(userId);
      for (const [k] of codes) s.recovery.delete(k);
      return codes.length;
    },
    async listPasskeys(userId) {
      return [...s.passkeys.values()].filter((p) => p.userId === userId).sort((a, b) => +a.createdAt - +b.createdAt);
    },
    async getPasskey(id) {
      const p = s.passkeys.get(id);
      return p ? { ...p } : null;
    },
    async insertPasskey(p) {
      s.passkeys.set(p.id, { ...p });
    },
    async renamePasskey(id, name) {
      const p = s.passkeys.get(id);
      if (p) s.passkeys.set(id, { ...p, name });
    },
    async usePasskey(id, counter, at) {
      const p = s.passkeys.get(id);
      if (p) s.passkeys.set(id, { ...p, counter, lastUsedAt: at });
    },
    async deletePasskey(id) {
      return s.passkeys.delete(id);
    },
    async deletePasskeys(userId) {
      const mine = [...s.passkeys.values()].filter((p) => p.userId === userId);
      for (const p of mine) s.passkeys.delete(p.id);
      return mine.length;
    },
    async putChallenge(c) {
      s.challenges.set(c.sessionId, { ...c });
    },
    async takeChallenge(sessionId) {
      const c = s.challenges.get(sessionId);
      s.challenges.delete(sessionId);
      return c ?? null;
    },
    async putSignInChallenge(c) {
      s.signInChallenges.set(c.browserHash, { ...c });
    },
    async takeSignInChallenge(browserHash) {
      const c = s.signInChallenges.get(browserHash);
      s.signInChallenges.delete(browserHash);
      return c ?? null;
    },
    async purgeSignInChallenges(now, limit) {
      const old = [...s.signInChallenges.values()].filter((c) => c.expiresAt < now).slice(0, limit);
      for (const c of old) s.signInChallenges.delete(c.browserHash);
      return old.length;
    },
  };
}
