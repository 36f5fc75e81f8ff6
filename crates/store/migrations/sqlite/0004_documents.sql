-- Documents sent after the application (ettersendelse). Keep in step with ../postgres/0004_documents.sql.

-- One sending of documents to an application, with its own vedlegg.json.
CREATE TABLE submissions (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    vedlegg_json   TEXT NOT NULL,
    created_ms     INTEGER NOT NULL
);
CREATE INDEX submissions_by_application ON submissions (application_id, created_ms);

-- One document (one PDF made from the citizen's photos/PDFs) of a submission. The file itself is
-- content-addressed in the file store by its SHA-256.
CREATE TABLE submission_documents (
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    tilleggsinfo  TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    PRIMARY KEY (submission_id, position)
);
