-- Meetings between a person and the office (velferd_domain::meetings). Keep in step with
-- ../sqlite/0021_meetings.sql.
--
-- `meeting_slots` is how the database itself keeps a caseworker or a room from being booked twice:
-- a booked meeting holds one row per quarter hour per resource (`staff:<subject>`,
-- `room:<office>:<room>`), and the primary key refuses a second booking of the same quarter
-- whichever request comes first. Cancelling or moving deletes the meeting's rows in the same
-- transaction.
CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    enhetsnummer TEXT NOT NULL,
    caseworker TEXT NOT NULL,
    caseworker_name TEXT NOT NULL,
    room TEXT,
    kind TEXT NOT NULL,
    place TEXT NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    state TEXT NOT NULL,
    move_asked_ms BIGINT,
    move_asked_text TEXT,
    version BIGINT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);
CREATE INDEX meetings_by_application ON meetings (application_id, start_ms);
CREATE INDEX meetings_by_start ON meetings (state, start_ms);

CREATE TABLE meeting_slots (
    resource TEXT NOT NULL,
    slot_ms BIGINT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    PRIMARY KEY (resource, slot_ms)
);
CREATE INDEX meeting_slots_by_meeting ON meeting_slots (meeting_id);
