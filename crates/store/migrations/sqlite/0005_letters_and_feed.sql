-- Letters from the office and the change feed for case systems. Keep in step with ../postgres/0005_letters_and_feed.sql.

-- A letter (decision, request for documents, other) a case system or the office gave the citizen,
-- stored content-addressed in the file store. Events refer to it as {"type": "dokumentlager", "id": id}.
-- first_opened_ms is when the citizen first opened it, so the office knows the letter was read.
CREATE TABLE letters (
    id              TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES applications (id),
    title           TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    bytes           INTEGER NOT NULL,
    created_ms      INTEGER NOT NULL,
    first_opened_ms INTEGER
);
CREATE INDEX letters_by_application ON letters (application_id, created_ms);

-- The change feed a case system polls (GET /api/v1/hendelser). Numbers count up per municipality
-- from one counter row, which every writing transaction locks until it commits: a reader that has
-- seen number N can never later meet a newly committed number below N, so a cursor misses nothing.
CREATE TABLE feed_counters (
    kommunenummer TEXT PRIMARY KEY,
    last_seq      INTEGER NOT NULL
);

CREATE TABLE feed (
    kommunenummer  TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    id             TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    item_id        TEXT,
    at_ms          INTEGER NOT NULL,
    PRIMARY KEY (kommunenummer, seq)
);
