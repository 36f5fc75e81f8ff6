-- The office's work on a case. Keep in step with ../sqlite/0013_office_work.sql.

-- The application as sent: its summary rows (what the citizen saw on the summary page, as JSON),
-- stored at send time so a rule tightened later never changes or breaks an old application, its
-- PDF or the staff page. NULL for applications sent before this column existed (they are shown
-- from their answers, as before).
ALTER TABLE applications ADD COLUMN summary_json TEXT;

-- One row per application: its state as the office's lists need it, computed by the domain's
-- projection from the same fold as the citizen's page, written in the same transaction as every
-- event, document submission or case-system status that changes it. The inbox reads this and never
-- folds events per row. version grows with every change; a caseworker's form carries the version
-- it was drawn from, so two people acting at once cannot silently overwrite each other.
CREATE TABLE case_status (
    application_id   TEXT PRIMARY KEY REFERENCES applications (id),
    enhetsnummer     TEXT NOT NULL,
    emergency        BIGINT NOT NULL,
    sent_ms          BIGINT NOT NULL,
    status           TEXT NOT NULL,
    is_open          BIGINT NOT NULL,
    decided          BIGINT NOT NULL,
    forelopig_svar   BIGINT NOT NULL,
    open_requests    BIGINT NOT NULL,
    next_deadline_ms BIGINT,
    assignee         TEXT,
    assignee_name    TEXT,
    version          BIGINT NOT NULL,
    updated_ms       BIGINT NOT NULL
);
-- The inbox: one office's open cases, emergencies first, then the longest waiting.
CREATE INDEX case_status_inbox ON case_status (enhetsnummer, is_open, emergency DESC, sent_ms);
-- "Assigned to me".
CREATE INDEX case_status_assignee ON case_status (assignee, is_open, sent_ms);

-- The office's own entries on a case, never shown to the citizen or a helper: internal notes and
-- assignments. Append-only: a note is never edited; a correction is a new note.
CREATE TABLE office_journal (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    kind           TEXT NOT NULL,
    text           TEXT NOT NULL,
    actor          TEXT NOT NULL,
    actor_name     TEXT NOT NULL,
    at_ms          BIGINT NOT NULL
);
CREATE INDEX office_journal_by_application ON office_journal (application_id, at_ms);

-- Staff who have signed in, by their identity provider's subject: who a case can be given to.
CREATE TABLE staff_members (
    subject      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    office       TEXT NOT NULL,
    roles        TEXT NOT NULL,
    last_seen_ms BIGINT NOT NULL
);
CREATE INDEX staff_members_by_office ON staff_members (office, name);
