-- The conversation between a person and the office about one application (velferd_domain::dialogue).
-- Keep in step with ../sqlite/0019_dialogue.sql.
--
-- A message is never changed after it is written (a correction is a new message). `token` is the
-- form's one-time key: a form posted twice (a double tap, a retry after a timeout) stores one message.
-- `author` is who wrote it as the audit log names them (`innbygger`, `fullmektig:<power>`,
-- `staff:<subject>`); `author_name` is what the other side sees.
CREATE TABLE messages (
    application_id TEXT NOT NULL REFERENCES applications (id),
    seq BIGINT NOT NULL,
    token TEXT NOT NULL,
    from_office BIGINT NOT NULL,
    author TEXT NOT NULL,
    author_name TEXT NOT NULL,
    enhetsnummer TEXT NOT NULL,
    body TEXT NOT NULL,
    emergency BIGINT NOT NULL,
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (application_id, seq),
    UNIQUE (application_id, token)
);

-- One row per application with messages: whether the office owes an answer (since when), and whether
-- the person said they have no food or place to sleep today (the case goes to the top of the inbox
-- until the office answers). Written in the message's transaction; the office's list of waiting
-- conversations reads only this index.
CREATE TABLE conversations (
    application_id TEXT PRIMARY KEY REFERENCES applications (id),
    enhetsnummer TEXT NOT NULL,
    waiting_since_ms BIGINT,
    emergency BIGINT NOT NULL,
    last_ms BIGINT NOT NULL
);
CREATE INDEX conversations_waiting ON conversations (enhetsnummer, emergency DESC, waiting_since_ms) WHERE waiting_since_ms IS NOT NULL;
