-- ISMAP Hub 0004: membership by invitation, and the organization each user last chose to act for.
-- An organization admin no longer adds a person directly: the person accepts an invitation (by its link or after
-- signing in). Only the SHA-256 of the invitation token is stored, as for sessions.
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'revoked')),
  invited_by uuid,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by uuid
);
-- At most one open invitation per person and organization: inviting again replaces it.
CREATE UNIQUE INDEX invitations_pending_idx ON invitations (org_id, email) WHERE status = 'pending';
CREATE INDEX invitations_email_idx ON invitations (email);

-- The organization the user last switched to; sign-in resumes it. Never set by being added to an organization.
ALTER TABLE users ADD COLUMN last_org_id uuid REFERENCES organizations (id);
