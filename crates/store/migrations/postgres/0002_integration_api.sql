-- Integration API for case systems (fagsystem). Keep in step with ../sqlite/0002_integration_api.sql.

-- Machine credentials, one municipality each. Only a SHA-256 of the key is kept: keys are 256-bit
-- random, so a fast hash is enough and a leaked table reveals no usable key.
CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    key_hash      TEXT NOT NULL UNIQUE,
    kommunenummer TEXT NOT NULL,
    name          TEXT NOT NULL,
    created_ms    BIGINT NOT NULL,
    revoked_ms    BIGINT
);

-- When the municipality's case system confirmed it has the application. Unacknowledged
-- applications keep appearing in the list, so none is missed whatever the client does.
ALTER TABLE applications ADD COLUMN acknowledged_ms BIGINT;
CREATE INDEX applications_unacknowledged ON applications (kommunenummer, acknowledged_ms, sent_ms, id);

-- The latest full digisos-soker document a case system posted for an application. Replaced whole
-- on every post; the citizen's view folds it when the municipality lets its case system own status.
CREATE TABLE external_status (
    application_id TEXT PRIMARY KEY REFERENCES applications (id),
    document       TEXT NOT NULL,
    updated_ms     BIGINT NOT NULL
);
