-- Helpers acting for a citizen. Keep in step with ../sqlite/0010_powers_of_attorney.sql.

-- A power of attorney (fullmakt) the citizen gave on one application: who may follow the case
-- (status, requests, decisions, payments) and, if allowed, send documents to it, until when.
-- Nothing else of the application (answers, documents, letters) is covered.
CREATE TABLE powers_of_attorney (
    id                 TEXT PRIMARY KEY,
    application_id     TEXT NOT NULL REFERENCES applications (id),
    helper_fnr         TEXT NOT NULL,
    helper_name        TEXT NOT NULL,
    may_send_documents BIGINT NOT NULL,
    valid_until_ms     BIGINT NOT NULL,
    created_ms         BIGINT NOT NULL,
    revoked_ms         BIGINT
);
CREATE INDEX powers_by_helper ON powers_of_attorney (helper_fnr, valid_until_ms);
CREATE INDEX powers_by_application ON powers_of_attorney (application_id);
