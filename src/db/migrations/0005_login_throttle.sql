-- ISMAP Hub 0005: failed-login counters shared by every server, and known devices (browsers that signed in before).
-- Keys are SHA-256 digests of scope + subject: what was typed as an email (perhaps a password) is never stored.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  scope text NOT NULL CHECK (scope IN ('pair', 'address', 'account', 'device', 'password')),
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  last_failure_at timestamptz NOT NULL,
  previous_failure_at timestamptz,
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_expires_idx ON login_throttle (expires_at);

-- The database stores only the SHA-256 of the device cookie.
CREATE TABLE known_devices (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX known_devices_user_idx ON known_devices (user_id);
CREATE INDEX known_devices_expires_idx ON known_devices (expires_at);
