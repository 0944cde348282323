-- ISMAP Hub 0016: the attention list an edition migration leaves behind (items added, removed, whose criteria text
-- or structure changed), kept so the people working on the statement can go through it later and tick each item
-- off. Applying a migration replaces the statement's list; `seq` is the row's place in the list the plan answered.
CREATE TABLE statement_migration_attention (
  statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  from_edition text NOT NULL,
  to_edition text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('added', 'removed', 'text_changed', 'structure_changed')),
  item_id text,
  from_id text,
  migrated_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by uuid,
  PRIMARY KEY (statement_id, seq)
);
