-- The audit chain's head and the version of each entry's hash encoding. Keep in step with
-- ../postgres/0012_audit_chain_head.sql.

-- How an entry's hash was computed: 1 joined the fields with a separator that a name could contain
-- (so two entries could hash alike); 2 length-prefixes every field. Rows from before this migration
-- are 1, and so are rows a Velferd from before it writes during a rolling upgrade (the default);
-- new code writes 2. `velferd audit verify` checks each row by its own version.
ALTER TABLE audit_log ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1;

-- One row: the newest entry's number and hash. An append takes the next number from it with an
-- upsert that locks the row until commit, so appenders (in any server process) wait in turn
-- instead of racing for a number; and a log whose newest rows were deleted no longer reaches its
-- head. Signed checkpoints of the head, kept outside the database, cover the rest.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) SELECT 1, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;
