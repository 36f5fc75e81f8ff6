-- Workspace II: the calculation, decisions (vedtak) with four-eyes approval, and payments
-- (utbetalinger). Keep in step with ../postgres/0018_decisions.sql. What the citizen sees of a
-- decision is its events (vedtakFattet, utbetaling, vilkar, dokumentasjonkrav); these tables are
-- the office's working state and the payment list an export reads.

-- A calculation (utregning) as the caseworker saved it: what was entered and what came out, both
-- as JSON, so a later rate file never changes a calculation a decision was made from. Append-only:
-- the newest row of an application is its current calculation.
CREATE TABLE calculations (
    id              TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    input_json      TEXT NOT NULL,
    result_json     TEXT NOT NULL,
    -- The calculated proposal and, when the caseworker chose another amount, that amount and why.
    proposed_ore    INTEGER NOT NULL,
    override_ore    INTEGER,
    override_reason TEXT,
    by_subject      TEXT NOT NULL,
    by_name         TEXT NOT NULL,
    created_ms      INTEGER NOT NULL
);
CREATE INDEX calculations_by_application ON calculations (application_id, created_ms);

-- A decision from first draft to made, one row that changes with its stage (utkast, til-godkjenning,
-- returnert, vedtatt). seq numbers an application's decisions (1, 2, …) and prefixes the references
-- of its payments, conditions and requirements (V1-U1, V1-K1, V1-D1), which must be unique within
-- the application. content_json is the decision as the form wrote it. enhetsnummer and author serve
-- the inbox's "awaiting approval" and "returned to me".
CREATE TABLE decisions (
    id              TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    enhetsnummer    TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    saksreferanse   TEXT NOT NULL,
    calculation_id  TEXT REFERENCES calculations (id),
    content_json    TEXT NOT NULL,
    stage           TEXT NOT NULL,
    author          TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    submitted_ms    INTEGER,
    returned_by     TEXT,
    returned_name   TEXT,
    return_comment  TEXT,
    returned_ms     INTEGER,
    approved_by     TEXT,
    approved_name   TEXT,
    approved_ms     INTEGER,
    four_eyes       INTEGER,
    letter_id       TEXT,
    version         INTEGER NOT NULL,
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL,
    UNIQUE (application_id, seq)
);
CREATE INDEX decisions_by_office ON decisions (enhetsnummer, stage, application_id);
CREATE INDEX decisions_by_author ON decisions (author, stage, application_id);

-- A payment of a made decision. Amounts in øre (never rounded); dates as YYYY-MM-DD in Norway.
-- recipient_kind is soker (the citizen's own account) or annen (a landlord, an energy company, …);
-- kid is the invoice's customer reference, message the text sent instead when there is none.
-- state is planlagt, utbetalt (paid_on set) or stoppet. The export reads the office's planned
-- payments by due date.
CREATE TABLE payments (
    id              TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    decision_id     TEXT NOT NULL REFERENCES decisions (id),
    enhetsnummer    TEXT NOT NULL,
    referanse       TEXT NOT NULL,
    saksreferanse   TEXT NOT NULL,
    description     TEXT NOT NULL,
    amount_ore      INTEGER NOT NULL,
    due             TEXT NOT NULL,
    period_from     TEXT,
    period_to       TEXT,
    recipient_kind  TEXT NOT NULL,
    recipient_name  TEXT NOT NULL,
    account         TEXT NOT NULL,
    kid             TEXT,
    message         TEXT,
    state           TEXT NOT NULL,
    paid_on         TEXT,
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL,
    UNIQUE (application_id, referanse)
);
CREATE INDEX payments_due ON payments (enhetsnummer, state, due);
CREATE INDEX payments_by_decision ON payments (decision_id);
