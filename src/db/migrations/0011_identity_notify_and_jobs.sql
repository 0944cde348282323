-- ISMAP Hub 0011: several servers on one PostgreSQL. (1) Changes to sessions, users and memberships are announced
-- to every server (LISTEN/NOTIFY), so a revoked session, a disabled user or a changed role empties each server's
-- in-process session cache at once instead of after its TTL. (2) A job queue for scheduled and background work.

-- Statement triggers, as for the content revision (0007): no writer can change identity without the notification,
-- and NOTIFY is delivered only when (and if) the transaction commits. A session's last_seen_at touch is not a
-- change anyone caches against, so only the columns that end or move a session notify.
CREATE FUNCTION notify_identity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ismap_identity', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER sessions_identity_notify AFTER UPDATE OF revoked_at, active_org_id, expires_at, user_id ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
CREATE TRIGGER sessions_identity_notify_delete AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
CREATE TRIGGER users_identity_notify AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
CREATE TRIGGER memberships_identity_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
CREATE TRIGGER organizations_identity_notify AFTER UPDATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();

-- One row per job run. Workers claim due rows with FOR UPDATE SKIP LOCKED, so two workers never take one row; a
-- scheduled run's key is its job name and slot (`purge_expired@2026-12-01T18:00:00.000Z`), unique, so servers that
-- enqueue the same slot at once create it once. A claimed row is leased (locked_until): a worker that died mid-run
-- leaves a lease that expires, and the run is retried.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  key text NOT NULL UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE finished_at IS NOT NULL;
