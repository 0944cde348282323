-- ISMAP Hub 0003: small key/value bookkeeping (e.g. the fingerprint of the bundled content last loaded).
CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL
);
