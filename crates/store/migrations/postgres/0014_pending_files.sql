-- Files chosen for sending to an application already sent (ettersendelse), kept with their
-- previews until the person presses "send", so one bad file never makes them choose the good ones
-- again. Keep in step with ../sqlite/0014_pending_files.sql.

-- One file (a photo of a page, or a PDF) for one document ("slot": the vedlegg type and subtype).
-- uploader is the fødselsnummer of who chose it: the owner, or a helper with a power of attorney,
-- each with their own files. The original and its thumbnail are in the file store by SHA-256;
-- nothing is converted until sending, when the rows go in the same transaction as the submission.
CREATE TABLE pending_files (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    uploader       TEXT NOT NULL,
    slot           TEXT NOT NULL,
    position       BIGINT NOT NULL,
    name           TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    bytes          BIGINT NOT NULL,
    thumb_sha256   TEXT,
    pages          BIGINT NOT NULL,
    quarter_turns  BIGINT NOT NULL,
    warnings       TEXT NOT NULL,
    is_pdf         BIGINT NOT NULL,
    created_ms     BIGINT NOT NULL
);
CREATE INDEX pending_files_by_application ON pending_files (application_id, uploader, slot, position);

-- The readability warnings a citizen was shown for pages they sent (too dark, blurred, nothing on
-- it), kept when the draft's or the kept files' rows go, so the case page can say later what they
-- were told. One row per file that had a warning; warnings are codes joined by commas.
CREATE TABLE document_warnings (
    application_id TEXT NOT NULL REFERENCES applications (id),
    slot           TEXT NOT NULL,
    position       BIGINT NOT NULL,
    file_name      TEXT NOT NULL,
    warnings       TEXT NOT NULL,
    created_ms     BIGINT NOT NULL
);
CREATE INDEX document_warnings_by_application ON document_warnings (application_id, created_ms);
