-- People without electronic ID (issue 17). Keep in step with ../postgres/0028_people_without_eid.sql.

-- A person the office registered after checking their identity in person, because they have no
-- BankID or other electronic ID (or cannot use it): how to reach them — their own phone and/or a
-- contact person (family, a shelter or a support worker they named) — so they can follow their
-- case by phone through the contact centre. Notices to them are plain SMS with no link and no
-- "log in" (notifications.plain).
CREATE TABLE people_without_eid (
    fnr                 TEXT PRIMARY KEY,
    phone               TEXT,
    contact_name        TEXT,
    contact_phone       TEXT,
    -- kontaktperson, botilbud (a shelter or housing service) or stottekontakt (a support worker).
    contact_kind        TEXT,
    identity_check      TEXT NOT NULL,
    identity_checked_by TEXT NOT NULL,
    office              TEXT NOT NULL,
    registered_by       TEXT NOT NULL,
    registered_by_name  TEXT NOT NULL,
    created_ms          INTEGER NOT NULL,
    updated_ms          INTEGER NOT NULL
);

-- A notice to a person without electronic ID: the text says to call or visit the office, never to
-- log in, and has no link.
ALTER TABLE notifications ADD COLUMN plain INTEGER NOT NULL DEFAULT 0;
