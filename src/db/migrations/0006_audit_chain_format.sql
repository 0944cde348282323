-- ISMAP Hub 0006: the audit chain's hash format per event (src/core/audit-chain.ts `ChainFormat`). Events written
-- before this migration hashed `at` in milliseconds and stay format 1; every new event is written as format 2.
ALTER TABLE audit_events ADD COLUMN format smallint NOT NULL DEFAULT 1 CHECK (format IN (1, 2));
ALTER TABLE audit_events ALTER COLUMN format DROP DEFAULT;
