-- Rate limits shared by every server process. Keep in step with ../sqlite/0006_rate_limits.sql.

-- Requests counted per (what, who, fixed time window). "who" is a SHA-256 of the IP address,
-- person or key, so the table holds no personal data in the clear. Old windows are deleted hourly.
CREATE TABLE rate_limits (
    bucket       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL,
    PRIMARY KEY (bucket, subject, window_start)
);
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);
