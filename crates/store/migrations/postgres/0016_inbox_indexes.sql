-- The office's inbox at volume. Keep in step with ../sqlite/0016_inbox_indexes.sql.
--
-- Every filter of the inbox reads one index in the order the page lists (open emergencies first,
-- then the longest waiting, the application id last so the order is total) and stops after one
-- page, so a page costs the same with a hundred cases or a hundred thousand, and other offices'
-- cases are never read. Measured with `velferd admin seed` at 100 000 applications (14 000 at NAV
-- Frogner): "all" sorted every open case of the office (70 ms on SQLite and PostgreSQL), "mine",
-- "new" and "documents overdue" read open cases until a page was found (up to 30 ms).

DROP INDEX case_status_inbox;
DROP INDEX case_status_assignee;

-- Open cases ("apne", "naer-frist") and all cases, open ones first ("alle").
CREATE INDEX case_status_inbox ON case_status (enhetsnummer, is_open DESC, emergency DESC, sent_ms, application_id);
-- Assigned to me ("mine") and assigned to nobody ("ufordelte").
CREATE INDEX case_status_by_assignee ON case_status (enhetsnummer, assignee, is_open, emergency DESC, sent_ms, application_id);
-- Received, nobody has started ("nye").
CREATE INDEX case_status_by_status ON case_status (enhetsnummer, status, is_open, emergency DESC, sent_ms, application_id);
-- Cases that wait for documents (only open ones have a deadline): the only ones "frist-ute" (a
-- deadline has passed) can list. `is_open` is in the key rather than the condition so that SQLite,
-- which has no statistics, prefers this index to case_status_inbox (it counts equalities).
CREATE INDEX case_status_waiting ON case_status (enhetsnummer, is_open, emergency DESC, sent_ms, application_id) WHERE next_deadline_ms IS NOT NULL;
