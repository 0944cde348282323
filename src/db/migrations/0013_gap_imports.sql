-- ISMAP Hub 0013: gap-analysis imports. A Statement of Applicability (適用宣言書) or an OSCAL SSP imported for one
-- statement, and the proposals derived from it through the mappings. Both belong to the importing CSP organization
-- alone (org_id): they are never mapping sets, so they never enter anyone's mapping graph or search. A proposal is
-- applied to the statement only by a decision, recorded on its row (and in the audit log).
CREATE TABLE gap_imports (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  statement_id uuid NOT NULL REFERENCES statements (id),
  kind text NOT NULL CHECK (kind IN ('soa', 'ssp')),
  file_name text NOT NULL,
  source_catalog text NOT NULL,
  iso_edition text CHECK (iso_edition IN ('2013', '2022')),
  ismap_edition text NOT NULL,
  summary jsonb NOT NULL,
  report jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid
);
CREATE INDEX gap_imports_statement_idx ON gap_imports (statement_id);

CREATE TABLE gap_proposals (
  import_id uuid NOT NULL REFERENCES gap_imports (id),
  id text NOT NULL,
  position integer NOT NULL,
  item_id text NOT NULL,
  relationship text NOT NULL,
  bulk_acceptable boolean NOT NULL,
  body jsonb NOT NULL,
  decision text CHECK (decision IN ('accepted', 'rejected', 'edited')),
  decided_value jsonb,
  decided_at timestamptz,
  decided_by uuid,
  PRIMARY KEY (import_id, id)
);
