-- Whether an attached file is a PDF (pages kept as they are, not turned) or a picture. Keep in step
-- with ../postgres/0011_draft_file_kind.sql.
ALTER TABLE draft_files ADD COLUMN is_pdf INTEGER NOT NULL DEFAULT 0;
