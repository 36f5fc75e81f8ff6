-- A PDF the citizen split into parts: each part is its own row naming the same original, with its
-- pages from first_page (0-based) for `pages` pages; a PDF's quarter_turns now turn its pages too.
-- Files kept before are whole: from page 0. Keep in step with ../sqlite/0024_pdf_parts.sql.
ALTER TABLE draft_files ADD COLUMN first_page BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pending_files ADD COLUMN first_page BIGINT NOT NULL DEFAULT 0;
