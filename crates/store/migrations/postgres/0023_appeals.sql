-- Appeals (klage) against a decision (velferd_domain::vedtak::klage, klage-filformat.md). Keep in
-- step with ../sqlite/0023_appeals.sql.
--
-- One row per appeal: the person's words, the deadline it was measured against and how many days
-- late it came (0: in time; a late appeal is received all the same, with the reason asked for), where
-- it stands (status and outcome as klage-filformat.md names them), the cover letter when it went on
-- to the county governor (statsforvalteren), and the appeal's events (`hendelser` of its JsonKlage)
-- and klage.json as sent. `token` is the form's one-time key: a form posted twice stores one appeal.
CREATE TABLE appeals (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    decision_id TEXT NOT NULL,
    token TEXT NOT NULL,
    text TEXT NOT NULL,
    deadline TEXT NOT NULL,
    days_late BIGINT NOT NULL,
    late_reason TEXT,
    status TEXT NOT NULL,
    outcome TEXT,
    cover_letter_id TEXT,
    events_json TEXT NOT NULL,
    klage_json TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    UNIQUE (application_id, token)
);
CREATE INDEX appeals_by_application ON appeals (application_id, created_ms);
CREATE INDEX appeals_open ON appeals (status, created_ms);
