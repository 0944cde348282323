-- ISMAP Hub 0007: a content revision that every write to catalogs or mappings bumps in its own transaction, and
-- mapping sets an organization may keep to itself until a platform administrator publishes them.

-- One row. The in-process snapshot of catalogs and mappings (src/app/catalog-cache.ts) is tagged with the revision
-- it was read at; it is reloaded only when a newer revision is known, so a read costs no query. Statement triggers
-- bump it, so no writer (use case, CLI, a future one) can change content without moving the revision, and the
-- commit and its revision are atomic. NOTIFY (delivered at commit) tells other server processes on the same
-- PostgreSQL; the embedded database has one process only.
CREATE TABLE content_revision (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  catalogs bigint NOT NULL DEFAULT 0,
  mappings bigint NOT NULL DEFAULT 0
);
INSERT INTO content_revision DEFAULT VALUES;

CREATE FUNCTION bump_content_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c bigint;
  m bigint;
BEGIN
  IF TG_ARGV[0] = 'catalogs' THEN
    UPDATE content_revision SET catalogs = catalogs + 1 RETURNING catalogs, mappings INTO c, m;
  ELSE
    UPDATE content_revision SET mappings = mappings + 1 RETURNING catalogs, mappings INTO c, m;
  END IF;
  PERFORM pg_notify('ismap_content_revision', c::text || ' ' || m::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER catalog_editions_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_editions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision('catalogs');
CREATE TRIGGER catalog_nodes_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision('catalogs');
CREATE TRIGGER mapping_sets_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mapping_sets
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision('mappings');
CREATE TRIGGER mappings_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mappings
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision('mappings');

-- A 'user' or 'import' set with an owner organization (org_id) is read only by that organization's members and
-- platform administrators, unless published; a set without an owner is global.
ALTER TABLE mapping_sets ADD COLUMN published boolean NOT NULL DEFAULT false;
