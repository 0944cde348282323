/** RFC 6238 time-based one-time passwords (otpauth in production, src/infra/totp.ts). */
export interface TotpService {
  /** A new random secret, base32. */
  newSecret(): string;
  /** The otpauth:// URI an authenticator app scans. */
  uri(secret: string, account: string, issuer: string): string;
  /** The time step the code belongs to when it is right at `now` (within the validity window), else null. */
  matchStep(secret: string, code: string, now: Date): number | null;
}

/** Seals small secrets (TOTP keys) with a key that is not in the database (src/infra/secret-box.ts). */
export interface SecretBox {
  seal(plain: string): string;
  /** Throws when the sealed text was not made with this key or was changed. */
  open(sealed: string): string;
}

/** The relying party as the browser sees it: its origin and RP ID. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export interface CredentialDescriptor {
  id: string;
  transports: string[];
}

export interface VerifiedRegistration {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
}

/** WebAuthn ceremonies (@simplewebauthn/server in production, src/infra/webauthn.ts). Options are JSON for the browser. */
export interface WebAuthnService {
  /**
   * `passwordless`: the passkey must be discoverable (resident key required) and verify its user, so it can sign in
   * without a password; otherwise both are preferred (a security key without a PIN still works as a second factor).
   */
  registrationOptions(
    rp: RelyingParty,
    user: { id: string; name: string; displayName: string },
    exclude: CredentialDescriptor[],
    opts?: { passwordless?: boolean },
  ): Promise<{ options: Record<string, unknown>; challenge: string }>;
  /** Null when the response does not verify against the challenge, origin and RP ID (and user verification). */
  verifyRegistration(
    rp: RelyingParty,
    response: unknown,
    challenge: string,
    opts?: { requireUserVerification?: boolean },
  ): Promise<VerifiedRegistration | null>;
  authenticationOptions(
    rp: RelyingParty,
    allow: CredentialDescriptor[],
  ): Promise<{ options: Record<string, unknown>; challenge: string }>;
  /** Options for a passwordless sign-in: no credentials listed (the authenticator offers its discoverable ones), user
   *  verification required. */
  discoverableOptions(rp: RelyingParty): Promise<{ options: Record<string, unknown>; challenge: string }>;
  /** The credential id a response names, if it names one. */
  credentialIdOf(response: unknown): string | null;
  /** The user handle a discoverable credential returned (the user id it was registered with), if any. */
  userHandleOf(response: unknown): string | null;
  /** The new signature counter, or null when the assertion does not verify. */
  verifyAuthentication(
    rp: RelyingParty,
    response: unknown,
    challenge: string,
    credential: { id: string; publicKey: string; counter: number; transports: string[] },
  ): Promise<{ counter: number } | null>;
  /**
   * The assertion checked against the challenge, origin and RP ID, saying whether the authenticator verified its
   * user; the signature counter is returned, not judged (`signCounterAccepted` in core/mfa.ts does). Null when it does
   * not verify.
   */
  verifyAssertion(
    rp: RelyingParty,
    response: unknown,
    challenge: string,
    credential: { id: string; publicKey: string; transports: string[] },
  ): Promise<{ counter: number; userVerified: boolean } | null>;
}
