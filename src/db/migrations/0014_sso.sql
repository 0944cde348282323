-- ISMAP Hub 0014: single sign-on with OpenID Connect, per organization.
-- A user who came in through SSO has no password: password sign-in and password change refuse them.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

-- One identity provider per organization. The client secret is stored sealed (AES-256-GCM with the server's
-- ISMAP_SSO_SECRET_KEY), never in the clear, and never leaves the server.
CREATE TABLE sso_configurations (
  org_id uuid PRIMARY KEY REFERENCES organizations (id),
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret_sealed text,
  allowed_domains text[] NOT NULL,
  default_role text NOT NULL CHECK (default_role IN ('admin', 'editor', 'viewer')),
  jit_provisioning boolean NOT NULL,
  enabled boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Who a user is at an identity provider: the (issuer, subject) pair, never the email, finds them again.
CREATE TABLE sso_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  org_id uuid NOT NULL REFERENCES organizations (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX sso_identities_user_idx ON sso_identities (user_id);

-- A started sign-in: state, nonce and PKCE verifier stay on the server, single use, with a short expiry. Only the
-- SHA-256 of the state and of the browser-binding cookie are stored.
CREATE TABLE sso_login_states (
  state_hash text PRIMARY KEY,
  browser_hash text NOT NULL,
  org_id uuid NOT NULL REFERENCES organizations (id),
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  redirect_uri text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX sso_login_states_expires_idx ON sso_login_states (expires_at);
