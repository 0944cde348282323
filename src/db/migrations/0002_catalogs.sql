-- ISMAP Hub 0002: catalogs (editions as trees of nodes) and cross-framework mapping sets.
CREATE TABLE catalog_editions (
  catalog text NOT NULL,
  edition text NOT NULL,
  title_ja text,
  title_en text,
  provenance text NOT NULL,
  published_at text,
  -- SHA-256 of the edition as it came from its source (bundled files or an import); an unchanged hash skips a sync.
  content_hash text NOT NULL,
  source text NOT NULL CHECK (source IN ('bundled', 'import')),
  loaded_at timestamptz NOT NULL,
  PRIMARY KEY (catalog, edition)
);

CREATE TABLE catalog_nodes (
  catalog text NOT NULL,
  edition text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL,
  depth integer NOT NULL,
  parent_id text,
  position integer NOT NULL,
  label text NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  title_ja text,
  title_en text,
  text_ja text,
  text_en text,
  text_source jsonb NOT NULL DEFAULT '{}',
  params jsonb NOT NULL DEFAULT '[]',
  source_refs text[] NOT NULL DEFAULT '{}',
  props jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (catalog, edition, id),
  FOREIGN KEY (catalog, edition) REFERENCES catalog_editions (catalog, edition) ON DELETE CASCADE
);
CREATE INDEX catalog_nodes_parent_idx ON catalog_nodes (catalog, edition, parent_id);

CREATE TABLE mapping_sets (
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL,
  provenance text NOT NULL,
  source text NOT NULL CHECK (source IN ('bundled', 'user', 'import')),
  -- The organization whose users' own mappings the set holds (source 'user'); null for the global user set.
  org_id uuid,
  content_hash text,
  updated_at timestamptz NOT NULL
);

CREATE TABLE mappings (
  id uuid PRIMARY KEY,
  set_id text NOT NULL REFERENCES mapping_sets (id) ON DELETE CASCADE,
  source_key text NOT NULL,
  target_key text NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('equal', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship')),
  method text NOT NULL CHECK (method IN ('official', 'derived', 'community', 'manual')),
  document text NOT NULL,
  confidence real NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  note text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  UNIQUE (set_id, source_key, target_key)
);
CREATE INDEX mappings_source_idx ON mappings (source_key);
CREATE INDEX mappings_target_idx ON mappings (target_key);
