-- The integration API's list of new applications (`Store::unacknowledged`): one municipality's
-- unacknowledged applications in (sent_ms, id) order after a cursor. Keep in step with the other
-- database's 0015_api_backlog_index.sql.
--
-- The list's cursor is a row comparison, (sent_ms, id) > ($2, $3), which an index on
-- (kommunenummer, sent_ms, id) answers as a range, in order, and stops after one page: the plan
-- no longer grows with the backlog (tested with EXPLAIN in store/tests/api_plan.rs). Partial on
-- acknowledged_ms IS NULL, so it holds only the backlog, not every application ever received.
CREATE INDEX applications_backlog ON applications (kommunenummer, sent_ms, id) WHERE acknowledged_ms IS NULL;

-- Replaced by the index above (the list was its only user).
DROP INDEX applications_unacknowledged;
