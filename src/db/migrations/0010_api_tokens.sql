-- ISMAP Hub 0010: API tokens (personal access tokens) for automation.
-- Only the SHA-256 of a token is stored: tokens are 256 random bits, so a copy of the table hands out nothing.
-- A token acts as its user in one organization (org_id; null only for a platform administrator's platform token),
-- with the scopes it was given: accesses (read, write) and resources (catalogs, mappings, …).
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL UNIQUE,
  hint text NOT NULL,
  access text[] NOT NULL CHECK (cardinality(access) > 0 AND access <@ ARRAY['read', 'write']::text[]),
  resources text[] NOT NULL CHECK (cardinality(resources) > 0),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  revoked_at timestamptz,
  revoked_by uuid,
  -- Written at most once a minute per token (see src/core/api-tokens.ts), not at every request.
  last_used_at timestamptz,
  last_used_ip text
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
