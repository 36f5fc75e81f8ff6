-- Everyone can apply (issue 17): how an application came in, the caseworker's drafts of applications
-- that came on paper, by phone or at the desk, and the contact centre's callbacks. Keep in step with
-- ../sqlite/0027_channels_and_contact_centre.sql.

-- The channel an application came by: digital (the person's own self-service), assistert (filled in
-- together with a staff member), papir, telefon or oppmote (at the desk). Everything sent before
-- this column existed came digitally. The statistics count by it.
ALTER TABLE applications ADD COLUMN channel TEXT NOT NULL DEFAULT 'digital';
-- Who registered or assisted it (staff subject and name), NULL for the person's own.
ALTER TABLE applications ADD COLUMN registered_by TEXT;
ALTER TABLE applications ADD COLUMN registered_by_name TEXT;
-- For an identity checked in person: how (a document type, `velferd_domain::assisted::IdentityCheck`)
-- and by whom (the staff member's name).
ALTER TABLE applications ADD COLUMN identity_check TEXT;
ALTER TABLE applications ADD COLUMN identity_checked_by TEXT;
-- Why an office registered an application for a municipality that another office serves.
ALTER TABLE applications ADD COLUMN kommune_reason TEXT;
-- The office's statistics: one office's applications in a period, by channel.
CREATE INDEX applications_by_office_sent ON applications (enhetsnummer, sent_ms);

-- A draft a staff member fills in for a person (a paper, phone or desk application): who started it,
-- at which office (any caseworker of that office may go on with it), and the reason when the
-- municipality belongs to another office. NULL for a person's own draft, which only they see; a
-- staff draft never shows among the person's own drafts.
ALTER TABLE drafts ADD COLUMN registered_by TEXT;
ALTER TABLE drafts ADD COLUMN registered_office TEXT;
ALTER TABLE drafts ADD COLUMN kommune_reason TEXT;
CREATE INDEX drafts_by_registering_office ON drafts (registered_office, updated_ms);

-- A callback the contact centre promised: the office calls the person back within the window they
-- chose. It stays open in the office's inbox until someone marks contact made (done_ms); a missed
-- call only counts an attempt, so it never restarts anything.
CREATE TABLE callbacks (
    id              TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    enhetsnummer    TEXT NOT NULL,
    phone           TEXT NOT NULL,
    window_start_ms BIGINT NOT NULL,
    window_end_ms   BIGINT NOT NULL,
    note            TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    created_ms      BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    done_by_name    TEXT,
    done_ms         BIGINT
);
-- The office's open callbacks, earliest window first.
CREATE INDEX callbacks_open ON callbacks (enhetsnummer, done_ms, window_start_ms);
CREATE INDEX callbacks_by_application ON callbacks (application_id);
