-- ISMAP Hub 0015: the remediation plan (POA&M, 改善計画) of a statement. Each item belongs to one statement and so
-- to its CSP organization (org_id is kept on the row for the policy and the organization's lists). Milestones and
-- links (to readiness blockers, statement items and later audit findings) are small lists read and written with
-- their item, so they are JSON columns beside it; the version column is the optimistic lock of the UI's edits.
CREATE TABLE remediation_items (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  title text NOT NULL,
  description text NOT NULL,
  owner text,
  risk text NOT NULL CHECK (risk IN ('low', 'moderate', 'high')),
  status text NOT NULL CHECK (status IN ('open', 'in_progress', 'completed', 'risk_accepted', 'cancelled')),
  planned_completion date,
  actual_completion date,
  milestones jsonb NOT NULL,
  links jsonb NOT NULL,
  oscal_uuid uuid,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  updated_at timestamptz NOT NULL
);
CREATE INDEX remediation_items_statement_idx ON remediation_items (statement_id);
CREATE UNIQUE INDEX remediation_items_oscal_uuid_idx ON remediation_items (statement_id, oscal_uuid);
