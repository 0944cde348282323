/** A user's TOTP authenticator; `secretSealed` is the secret as `SecretBox.seal` wrote it. */
export interface TotpRecord {
  userId: string;
  secretSealed: string;
  /** Null until the first code proved the authenticator has the secret. */
  confirmedAt: Date | null;
  lastUsedStep: number | null;
  createdAt: Date;
}

export interface Passkey {
  /** The WebAuthn credential id (base64url). */
  id: string;
  userId: string;
  name: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** `register_passwordless`: registering a discoverable passkey with user verification, usable without a password. */
export type ChallengePurpose = 'register' | 'register_passwordless' | 'second_factor' | 'reauthenticate';

export interface MfaChallenge {
  sessionId: string;
  purpose: ChallengePurpose;
  challenge: string;
  expiresAt: Date;
}

/** The challenge of a passwordless sign-in, bound to the browser by the SHA-256 of a random cookie. */
export interface SignInChallenge {
  browserHash: string;
  challenge: string;
  expiresAt: Date;
}

export interface MfaRepository {
  getTotp(userId: string): Promise<TotpRecord | null>;
  /** Puts an unconfirmed secret in place of any unconfirmed one (a confirmed one is never replaced here). */
  putPendingTotp(t: TotpRecord): Promise<void>;
  confirmTotp(userId: string, at: Date, step: number): Promise<void>;
  /**
   * Records `step` as used when it is newer than the last one; false when another request used it (or a newer one)
   * first. One statement, so two requests with the same code cannot both pass.
   */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  deleteTotp(userId: string): Promise<boolean>;

  replaceRecoveryCodes(userId: string, hashes: string[], at: Date): Promise<void>;
  /** Marks an unused code used; false when there is none (wrong, or used before). */
  useRecoveryCode(userId: string, hash: string, at: Date): Promise<boolean>;
  countUnusedRecoveryCodes(userId: string): Promise<number>;
  deleteRecoveryCodes(userId: string): Promise<number>;

  listPasskeys(userId: string): Promise<Passkey[]>;
  getPasskey(id: string): Promise<Passkey | null>;
  insertPasskey(p: Passkey): Promise<void>;
  renamePasskey(id: string, name: string): Promise<void>;
  usePasskey(id: string, counter: number, at: Date): Promise<void>;
  deletePasskey(id: string): Promise<boolean>;
  deletePasskeys(userId: string): Promise<number>;

  putChallenge(c: MfaChallenge): Promise<void>;
  /** Returns and deletes the session's challenge: each is answered at most once. */
  takeChallenge(sessionId: string): Promise<MfaChallenge | null>;

  /** Puts the browser's sign-in challenge in place of any it had. */
  putSignInChallenge(c: SignInChallenge): Promise<void>;
  /** Returns and deletes the browser's sign-in challenge: each is answered at most once. */
  takeSignInChallenge(browserHash: string): Promise<SignInChallenge | null>;
  /** Deletes up to `limit` challenges that expired before `now`. */
  purgeSignInChallenges(now: Date, limit: number): Promise<number>;
}
