-- ISMAP Hub 0012: the evidence library (証跡) of CSP organizations. An evidence has numbered versions, each naming a
-- blob by the SHA-256 of its bytes (the bytes live in the blob store: the data folder or S3, never in a row). A
-- version row is written only after its blob is whole and durable, in the transaction that makes it visible, so
-- a crash leaves at most an unreferenced blob (reported as orphaned by `ismap evidence verify`), never a version
-- without its bytes. Nothing is deleted: versions are kept, and an evidence is retired (recorded) instead.
CREATE TABLE evidence (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  title_ja text NOT NULL,
  title_en text NOT NULL,
  kind text NOT NULL CHECK (
    kind IN ('policy', 'procedure', 'design_document', 'setting', 'record_log', 'facility', 'report')
  ),
  effective_from date,
  effective_to date,
  owner text,
  tags text[] NOT NULL,
  confidentiality text NOT NULL CHECK (confidentiality IN ('public', 'internal', 'confidential', 'strictly_confidential')),
  review_frequency text NOT NULL CHECK (
    review_frequency IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'yearly_or_on_change', 'as_needed')
  ),
  reviewed_on date,
  current_version integer NOT NULL,
  retired_at timestamptz,
  retired_by uuid,
  retire_reason text,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  updated_at timestamptz NOT NULL
);
CREATE INDEX evidence_org_idx ON evidence (org_id);

CREATE TABLE evidence_versions (
  evidence_id uuid NOT NULL REFERENCES evidence (id),
  number integer NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL,
  media_type text NOT NULL,
  file_name text NOT NULL,
  note text,
  uploaded_at timestamptz NOT NULL,
  uploaded_by uuid,
  PRIMARY KEY (evidence_id, number)
);
CREATE INDEX evidence_versions_sha256_idx ON evidence_versions (sha256);

-- Many to many: an evidence supports many statement items, an item has many evidence.
CREATE TABLE evidence_links (
  evidence_id uuid NOT NULL REFERENCES evidence (id),
  statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  linked_at timestamptz NOT NULL,
  linked_by uuid,
  PRIMARY KEY (evidence_id, statement_id, item_id)
);
CREATE INDEX evidence_links_statement_idx ON evidence_links (statement_id, item_id);
