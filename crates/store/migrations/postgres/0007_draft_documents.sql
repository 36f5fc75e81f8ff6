-- Documents attached while the application is being written. Keep in step with ../sqlite/0007_draft_documents.sql.

-- One file (a photo of a page, or a PDF) the citizen added to a draft for one expected document
-- ("slot": the vedlegg type and subtype, e.g. "husleiekontrakt.husleiekontrakt"). The original and
-- its thumbnail are in the file store by SHA-256; nothing is converted until the application is sent.
CREATE TABLE draft_files (
    id            TEXT PRIMARY KEY,
    draft_id      TEXT NOT NULL,
    slot          TEXT NOT NULL,
    position      BIGINT NOT NULL,
    name          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    bytes         BIGINT NOT NULL,
    thumb_sha256  TEXT,
    pages         BIGINT NOT NULL,
    quarter_turns BIGINT NOT NULL,
    warnings      TEXT NOT NULL,
    created_ms    BIGINT NOT NULL
);
CREATE INDEX draft_files_by_draft ON draft_files (draft_id, slot, position);

-- What the citizen chose for an expected document: "sent-before" (VedleggAlleredeSendt) or
-- "later" (VedleggKreves: later or on paper). No row: upload, or later when nothing is uploaded.
CREATE TABLE draft_document_choices (
    draft_id TEXT NOT NULL,
    slot     TEXT NOT NULL,
    choice   TEXT NOT NULL,
    PRIMARY KEY (draft_id, slot)
);

-- The documents sent with the application itself are stored as a submission marked as part of it,
-- so the application's files and later sendings (ettersendelser) share one shape.
ALTER TABLE submissions ADD COLUMN with_application BIGINT NOT NULL DEFAULT 0;
