-- Child-welfare concern reports (bekymringsmeldinger; velferd_domain::barnevern). Keep in step with
-- ../postgres/0025_concern_reports.sql.
--
-- A unit of its own: nothing here refers to NAV's applications or people, and only staff with the
-- child-welfare role for the municipality read it (velferd_cases::barnevern). No column holds the
-- reporter's network address: an anonymous report keeps no trace of who sent it.
CREATE TABLE concern_reports (
    id TEXT PRIMARY KEY,
    -- BM-XXXXXXXX, what the reporter's receipt and the staff list show.
    reference TEXT NOT NULL UNIQUE,
    -- The form token of the sending: a retried or doubled send finds the stored report and shows
    -- the same receipt (as applications.draft_id does).
    submit_key TEXT NOT NULL UNIQUE,
    kommunenummer TEXT NOT NULL,
    -- no | se: whose law counts the deadlines.
    jurisdiction TEXT NOT NULL,
    -- 1 when acute: as the service assessed the urgency once it has, before that as the reporter
    -- said (in danger now, or marked acute). Listed first; written with every step.
    acute INTEGER NOT NULL,
    -- anonym | privat | offentlig
    reporter_kind TEXT NOT NULL,
    -- The professional reporter's fødselsnummer (their receipts), else NULL.
    reporter_fnr TEXT,
    -- velferd_domain::barnevern::Report as JSON: the child, the concern, the reporter as given.
    report_json TEXT NOT NULL,
    received_ms INTEGER NOT NULL,
    -- Projection of the steps, written with every step: status code and the end of the next
    -- deadline not yet met (NULL: none), so the list orders without folding per row.
    status TEXT NOT NULL,
    next_deadline_ms INTEGER,
    -- Grows with every step; a step form carries the version it was drawn from.
    version INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
-- The list: a municipality's open reports, acute first, nearest deadline first.
CREATE INDEX concern_reports_by_kommune ON concern_reports (kommunenummer, status, acute, next_deadline_ms);
CREATE INDEX concern_reports_by_reporter ON concern_reports (reporter_fnr, received_ms);

-- Files of a report: the reporter's attachments (vedlegg, each one PDF through the document
-- pipeline), the receipt (kvittering) and feedback letters (tilbakemelding). In the file store by
-- SHA-256 like every other document.
CREATE TABLE concern_report_files (
    report_id TEXT NOT NULL REFERENCES concern_reports (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (report_id, position)
);
CREATE INDEX concern_report_files_by_sha ON concern_report_files (sha256);

-- What the service did, append-only: mottatt, hastegrad, gjennomgang, undersokelse, forlengelse,
-- avsluttet, sammenslatt, tilbakemelding; payload is velferd_domain::barnevern::Step as JSON.
CREATE TABLE concern_report_steps (
    report_id TEXT NOT NULL REFERENCES concern_reports (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    -- staff:<subject> (or reporter for mottatt) and the name at the time.
    actor TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    PRIMARY KEY (report_id, seq)
);
