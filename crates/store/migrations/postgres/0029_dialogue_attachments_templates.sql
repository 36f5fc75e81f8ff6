-- Dialogue II: attachments on messages, reply templates per office, and routing a conversation to a
-- colleague. Keep in step with ../sqlite/0029_dialogue_attachments_templates.sql.

-- The files sent with a message, made into one PDF by the same pipeline as documents (photos become
-- readable A4 pages, PDFs are copied page by page). Written in the message's transaction and never
-- changed, like the message. `file_names` are the chosen files' names, one a line, as shown.
CREATE TABLE message_attachments (
    application_id TEXT NOT NULL REFERENCES applications (id),
    seq BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    pages BIGINT NOT NULL,
    file_names TEXT NOT NULL,
    PRIMARY KEY (application_id, seq)
);

-- An office's reply templates (svarmaler): a title to pick by and the text that fills the answer,
-- which the caseworker then adapts. Kept per office (enhetsnummer); anyone at the office who works
-- cases may add or change one. Templates hold no personal data.
CREATE TABLE reply_templates (
    id TEXT PRIMARY KEY,
    enhetsnummer TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_by_name TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);
CREATE INDEX reply_templates_office ON reply_templates (enhetsnummer, title);

-- A conversation routed to a colleague (when someone is away): the staff subject and name it is
-- given to; NULL while it is the whole office's.
ALTER TABLE conversations ADD COLUMN assigned_to TEXT;
ALTER TABLE conversations ADD COLUMN assigned_name TEXT;
