-- Foundation: people, drafts, applications, their events, and web sessions.
-- Keep in step with ../sqlite/0001_foundation.sql: same tables, same meaning, each database's types.

-- People as the population register knows them. Filled from the register (or demo data); used to
-- prefill the application and to sign in demo people.
CREATE TABLE people (
    fnr           TEXT PRIMARY KEY,
    fornavn       TEXT NOT NULL,
    mellomnavn    TEXT NOT NULL DEFAULT '',
    etternavn     TEXT NOT NULL,
    gatenavn      TEXT,
    husnummer     TEXT,
    postnummer    TEXT,
    poststed      TEXT,
    kommunenummer TEXT
);

-- An application being filled in. answers holds every field as typed (JSON object), so nothing the
-- citizen wrote is lost to a validation error. Deleted when sent or 14 days after the last change.
CREATE TABLE drafts (
    id            TEXT PRIMARY KEY,
    owner_fnr     TEXT NOT NULL,
    kommunenummer TEXT NOT NULL,
    answers       TEXT NOT NULL,
    created_ms    BIGINT NOT NULL,
    updated_ms    BIGINT NOT NULL
);
-- "Resume my application" looks drafts up by owner; the expiry sweep by age.
CREATE INDEX drafts_by_owner ON drafts (owner_fnr, updated_ms);
CREATE INDEX drafts_by_updated ON drafts (updated_ms);

-- A sent application. draft_id is UNIQUE so a double-click or retried POST can never create two.
CREATE TABLE applications (
    id            TEXT PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    draft_id      TEXT NOT NULL UNIQUE,
    owner_fnr     TEXT NOT NULL,
    kommunenummer TEXT NOT NULL,
    enhetsnummer  TEXT NOT NULL,
    emergency     BIGINT NOT NULL,
    soknad_json   TEXT NOT NULL,
    vedlegg_json  TEXT NOT NULL,
    answers       TEXT NOT NULL,
    sent_ms       BIGINT NOT NULL
);
CREATE INDEX applications_by_owner ON applications (owner_fnr, sent_ms);
-- The office's inbox: newest first within an office, emergencies on top.
CREATE INDEX applications_by_office ON applications (enhetsnummer, emergency, sent_ms);

-- Everything that happens to an application, append-only, in the digisos-soker vocabulary
-- (payload is one hendelse as JSON). seq orders events of one application.
CREATE TABLE events (
    application_id TEXT NOT NULL REFERENCES applications (id),
    seq            BIGINT NOT NULL,
    kind           TEXT NOT NULL,
    payload        TEXT NOT NULL,
    at_ms          BIGINT NOT NULL,
    PRIMARY KEY (application_id, seq)
);

-- Server-side web sessions, so any number of server processes share them.
CREATE TABLE sessions (
    id        TEXT PRIMARY KEY,
    data      TEXT NOT NULL,
    expiry_ms BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expiry_ms);
