-- Letters that are read (issue "letters that reach people"): a letter not opened online within the
-- office's number of days goes onto its print-and-post list; printing (or handing it over, for a
-- protected address) is recorded here, which takes it off the list. Keep in step with
-- ../postgres/0022_letter_printing.sql.
ALTER TABLE letters ADD COLUMN printed_ms INTEGER;
ALTER TABLE letters ADD COLUMN printed_by TEXT;
CREATE INDEX letters_unread ON letters (created_ms) WHERE first_opened_ms IS NULL AND printed_ms IS NULL;
