import { and, asc, count, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { ChallengePurpose, MfaRepository, Passkey } from '../../app/ports/mfa-repositories';
import type { Db } from '../engine';
import { mfaChallenges, passkeySignInChallenges, passkeys, recoveryCodes, userTotp } from '../schema';

const passkeyOf = (r: typeof passkeys.$inferSelect): Passkey => ({
  ...r,
  transports: r.transports ? r.transports.split(',') : [],
});

export function mfaRepository(db: Db): MfaRepository {
  return {
    async getTotp(userId) {
      const [r] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
      return r ?? null;
    },
    async putPendingTotp(t) {
      await db
        .insert(userTotp)
        .values(t)
        .onConflictDoUpdate({
          target: userTotp.userId,
          set: { secretSealed: t.secretSealed, createdAt: t.createdAt, lastUsedStep: null },
          setWhere: isNull(userTotp.confirmedAt),
        });
    },
    async confirmTotp(userId, at, step) {
      await db.update(userTotp).set({ confirmedAt: at, lastUsedStep: step }).where(eq(userTotp.userId, userId));
    },
    async useTotpStep(userId, step) {
      const r = await db
        .update(userTotp)
        .set({ lastUsedStep: step })
        .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
        .returning({ userId: userTotp.userId });
      return r.length === 1;
    },
    async deleteTotp(userId) {
      const r = await db.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
      return r.length === 1;
    },

    async replaceRecoveryCodes(userId, hashes, at) {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      if (hashes.length)
        await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
    },
    async useRecoveryCode(userId, hash, at) {
      const r = await db
        .update(recoveryCodes)
        .set({ usedAt: at })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
        .returning({ userId: recoveryCodes.userId });
      return r.length === 1;
    },
    async countUnusedRecoveryCodes(userId) {
      const [r] = await db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return Number(r?.n ?? 0);
    },
    async deleteRecoveryCodes(userId) {
      const r = await db
        .delete(recoveryCodes)
        .where(eq(recoveryCodes.userId, userId))
        .returning({ h: recoveryCodes.codeHash });
      return r.length;
    },

    async listPasskeys(userId) {
      const rows = await db
        .select()
        .from(passkeys)
        .where(eq(passkeys.userId, userId))
        .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
      return rows.map(passkeyOf);
    },
    async getPasskey(id) {
      const [r] = await db.select().from(passkeys).where(eq(passkeys.id, id));
      return r ? passkeyOf(r) : null;
    },
    async insertPasskey(p) {
      await db.insert(passkeys).values({ ...p, transports: p.transports.join(',') });
    },
    async renamePasskey(id, name) {
      await db.update(passkeys).set({ name }).where(eq(passkeys.id, id));
    },
    async usePasskey(id, counter, at) {
      await db.update(passkeys).set({ counter, lastUsedAt: at }).where(eq(passkeys.id, id));
    },
    async deletePasskey(id) {
      const r = await db.delete(passkeys).where(eq(passkeys.id, id)).returning({ id: passkeys.id });
      return r.length === 1;
    },
    async deletePasskeys(userId) {
      const r = await db.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id });
      return r.length;
    },

    async putChallenge(c) {
      await db
        .insert(mfaChallenges)
        .values(c)
        .onConflictDoUpdate({
          target: mfaChallenges.sessionId,
          set: { purpose: c.purpose, challenge: c.challenge, expiresAt: c.expiresAt },
        });
    },
    async takeChallenge(sessionId) {
      const [r] = await db.delete(mfaChallenges).where(eq(mfaChallenges.sessionId, sessionId)).returning();
      return r ? { ...r, purpose: r.purpose as ChallengePurpose } : null;
    },

    async putSignInChallenge(c) {
      await db
        .insert(passkeySignInChallenges)
        .values(c)
        .onConflictDoUpdate({
          target: passkeySignInChallenges.browserHash,
          set: { challenge: c.challenge, expiresAt: c.expiresAt },
        });
    },
    async takeSignInChallenge(browserHash) {
      const [r] = await db
        .delete(passkeySignInChallenges)
        .where(eq(passkeySignInChallenges.browserHash, browserHash))
        .returning();
      return r ?? null;
    },
    async purgeSignInChallenges(now, limit) {
      const old = db
        .select({ h: passkeySignInChallenges.browserHash })
        .from(passkeySignInChallenges)
        .where(lt(passkeySignInChallenges.expiresAt, now))
        .limit(limit);
      const r = await db
        .delete(passkeySignInChallenges)
        .where(inArray(passkeySignInChallenges.browserHash, old))
        .returning({ h: passkeySignInChallenges.browserHash });
      return r.length;
    },
  };
}
