-- ISMAP Hub 0008: cloud service offerings of CSP organizations, and their statements (言明書) item by item.
-- Statement items are keyed by (statement, item id in the statement's edition) and carry the digest of the criteria
-- text they were written against. There is deliberately no foreign key to catalog_nodes or catalog_editions: a
-- catalog re-sync or an edition import replaces nodes, and that must never cascade into (or be blocked by) answers.
CREATE TABLE cloud_services (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  name_ja text NOT NULL,
  name_en text NOT NULL,
  model text NOT NULL CHECK (model IN ('iaas', 'paas', 'saas')),
  track text NOT NULL CHECK (track IN ('ismap', 'ismap_liu')),
  -- ServiceScope (src/core/statement/model.ts): sub-services, underlying services, regions, overview, populations.
  scope jsonb NOT NULL,
  owners text[] NOT NULL,
  -- Optimistic concurrency: a write names the version it read.
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX cloud_services_org_idx ON cloud_services (org_id);

CREATE TABLE statements (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  service_id uuid NOT NULL REFERENCES cloud_services (id),
  catalog text NOT NULL,
  edition text NOT NULL,
  period jsonb,
  previous_period jsonb,
  state text NOT NULL CHECK (state IN ('draft', 'ready_for_audit', 'under_audit', 'audited', 'superseded')),
  subsequent_events jsonb NOT NULL,
  special_notes jsonb NOT NULL,
  version integer NOT NULL,
  -- Raised by every write to the statement's items, in the same transaction: a server whose in-memory readiness
  -- was built at another revision rebuilds it (another server wrote).
  items_revision bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX statements_service_idx ON statements (service_id);
CREATE INDEX statements_org_idx ON statements (org_id);

CREATE TABLE statement_items (
  statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  selection text CHECK (selection IN ('selected', 'not_selected', 'excluded', 'inherited')),
  reason text,
  inherited_from text,
  status text NOT NULL CHECK (status IN ('not_started', 'planned', 'in_progress', 'implemented')),
  owner text,
  control_ja text,
  control_en text,
  -- ControlRevision[]: dated before/after texts of the individual control (the statement's change history).
  revisions jsonb NOT NULL,
  criteria_digest text,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  PRIMARY KEY (statement_id, item_id)
);
