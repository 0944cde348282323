-- ISMAP Hub 0009: multi-factor sign-in (TOTP, recovery codes, WebAuthn passkeys), the organization's "require MFA"
-- setting, and what a session knows about how it was authenticated.

-- An organization admin can require every member to use a second factor.
ALTER TABLE organizations ADD COLUMN require_mfa boolean NOT NULL DEFAULT false;

-- sign_in_step: the password was right, but the session may do nothing until the second factor is given
-- ('second_factor') or one is enrolled ('enrol'). NULL: signed in. mfa_method/mfa_at: the second factor that signed
-- it in. authenticated_at: the newest proof of identity (sign-in or re-authentication), for sensitive actions.
ALTER TABLE sessions ADD COLUMN sign_in_step text CHECK (sign_in_step IN ('second_factor', 'enrol'));
ALTER TABLE sessions ADD COLUMN mfa_method text CHECK (mfa_method IN ('totp', 'passkey', 'recovery_code'));
ALTER TABLE sessions ADD COLUMN mfa_at timestamptz;
ALTER TABLE sessions ADD COLUMN authenticated_at timestamptz;

-- The TOTP secret is sealed (AES-256-GCM) with a key outside the database. confirmed_at is null until the first code
-- proved the authenticator has it; last_used_step refuses a code replayed within its time step.
CREATE TABLE user_totp (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,
  confirmed_at timestamptz,
  last_used_step bigint,
  created_at timestamptz NOT NULL
);

-- One-time recovery codes, stored as their SHA-256 only.
CREATE TABLE recovery_codes (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- WebAuthn credentials; id is the credential id (base64url), public_key the COSE key (base64url).
CREATE TABLE passkeys (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  public_key text NOT NULL,
  counter bigint NOT NULL,
  transports text NOT NULL,
  device_type text NOT NULL,
  backed_up boolean NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);

-- The one outstanding WebAuthn challenge of a session (registration, second factor or re-authentication).
CREATE TABLE mfa_challenges (
  session_id text PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  purpose text NOT NULL,
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Failed second-factor attempts are counted per user.
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
  CHECK (scope IN ('pair', 'address', 'account', 'device', 'password', 'second_factor'));
