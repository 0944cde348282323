// Multi-factor sign-in (0009): TOTP secrets, recovery codes, passkeys and WebAuthn challenges. Mirrors ../migrations.
import { bigint, boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { sessions, users } from './identity';

export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** AES-256-GCM under a key outside the database (see src/infra/secret-box.ts). */
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: ts('confirmed_at'),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: ts('created_at').notNull(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    /** Comma-separated WebAuthn transports ("internal,hybrid"). */
    transports: text('transports').notNull(),
    deviceType: text('device_type').notNull(),
    backedUp: boolean('backed_up').notNull(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

export const mfaChallenges = pgTable('mfa_challenges', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  challenge: text('challenge').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

// Passwordless passkey sign-in (0017): the challenge of a browser that has no session yet.
export const passkeySignInChallenges = pgTable(
  'passkey_sign_in_challenges',
  {
    browserHash: text('browser_hash').primaryKey(),
    challenge: text('challenge').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('passkey_sign_in_challenges_expires_idx').on(t.expiresAt)],
);
