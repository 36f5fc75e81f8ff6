-- Which identity-provider sign-in a web session came from, so that the provider can end it
-- (OpenID Connect back-channel logout names the sign-in by issuer and `sid`, or by subject).
-- Keep in step with ../postgres/0008_provider_sessions.sql.
CREATE TABLE provider_sessions (
    -- The web session (`sessions.id`); rows whose session is gone are removed by housekeeping.
    session_id TEXT PRIMARY KEY,
    issuer     TEXT NOT NULL,
    -- The provider's session id (`sid` claim), when it sends one.
    sid        TEXT,
    -- The provider's subject (`sub`); for ID-porten a pseudonym, not the personal number.
    subject    TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX provider_sessions_by_sid ON provider_sessions (issuer, sid);
CREATE INDEX provider_sessions_by_subject ON provider_sessions (issuer, subject);
