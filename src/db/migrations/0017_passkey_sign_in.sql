-- ISMAP Hub 0017: passwordless sign-in with a passkey (a discoverable WebAuthn credential with user verification).
-- Before the sign-in there is no session to hold the challenge, so it is bound to the browser that asked for it by a
-- random cookie whose SHA-256 is the key (one open challenge per browser). Single use (taken by DELETE … RETURNING),
-- short expiry; expired rows are purged in small batches whenever a new one is handed out.
CREATE TABLE passkey_sign_in_challenges (
  browser_hash text PRIMARY KEY,
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX passkey_sign_in_challenges_expires_idx ON passkey_sign_in_challenges (expires_at);
