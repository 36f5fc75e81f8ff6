-- Append-only audit log of every read and change of personal data by staff or systems.
-- Keep in step with ../postgres/0003_audit_log.sql.
-- seq is gapless from 1; each row's hash covers its fields and the previous row's hash, so an
-- edited, inserted or removed row breaks the chain (`velferd audit verify`).
CREATE TABLE audit_log (
    seq            INTEGER PRIMARY KEY,
    at_ms          INTEGER NOT NULL,
    actor          TEXT NOT NULL,   -- who: e.g. api-key:<id>
    actor_name     TEXT NOT NULL,   -- shown to the citizen: the system's or person's name
    role           TEXT NOT NULL,   -- e.g. fagsystem
    office         TEXT,            -- municipality or office the actor acts for
    action         TEXT NOT NULL,   -- e.g. read-application
    person         TEXT,            -- whose data (fødselsnummer), when known
    application_id TEXT,            -- which case, when there is one
    outcome        TEXT NOT NULL,   -- PERMIT or DENY
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
);
-- "Who has looked at my data": a citizen's entries, newest first.
CREATE INDEX audit_by_person ON audit_log (person, at_ms);
