-- Notifications (velferd_domain::notices): what a person chose, and the outbox the delivery worker
-- reads. Keep in step with ../postgres/0020_notifications.sql.

-- Where a person wants notices and which kinds they turned off (`off`: codes, comma-separated).
CREATE TABLE contact_preferences (
    fnr TEXT PRIMARY KEY,
    email TEXT,
    phone TEXT,
    email_on INTEGER NOT NULL,
    sms_on INTEGER NOT NULL,
    off TEXT NOT NULL,
    updated_ms INTEGER NOT NULL
);

-- One row per notice and channel, written in the transaction of what it tells about. `key` makes a
-- notice unique (e.g. `melding:<application>:<seq>:sms`), so writing it twice stores one.
-- state: pending → sending (claimed by `lease_owner` until `lease_until_ms`) → sent; a definite
-- failure goes back to pending with `due_ms` later, and after the last attempt to failed. A row
-- left in sending when its lease ran out was maybe sent by a process that died: it becomes
-- uncertain and is never sent again (at most once), for the operator to look at.
-- The text is not stored: it is made from `kind` and `language` when sent, and says nothing about
-- the case.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    application_id TEXT REFERENCES applications (id),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    language TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    due_ms INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until_ms INTEGER,
    sent_ms INTEGER,
    last_error TEXT,
    created_ms INTEGER NOT NULL
);
CREATE INDEX notifications_due ON notifications (state, due_ms);
CREATE INDEX notifications_by_application ON notifications (application_id);
