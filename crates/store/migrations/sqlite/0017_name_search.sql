-- Finding a person by name in the office's inbox. Keep in step with ../postgres/0017_name_search.sql.
--
-- Every word of a person's name, lower-cased in Rust (velferd_domain::text::search_words, so
-- "Øyvind" is found by "øyvind", which SQL's LOWER does not do on SQLite), written in the same
-- transaction as the person. A search word is a range of this index (word >= 'nord' AND word <
-- 'nord' || U+10FFFF), so a search costs what it finds instead of reading every case of the office
-- with its person (49 ms on SQLite at 100 000 applications). Words compare byte by byte, so
-- the range holds exactly the words that start with the search word. Filled for people already
-- there when a server first starts after this migration (Store::connect).

CREATE TABLE person_name_words (
    word TEXT NOT NULL,
    fnr TEXT NOT NULL REFERENCES people (fnr),
    PRIMARY KEY (word, fnr)
) WITHOUT ROWID;
CREATE INDEX person_name_words_by_fnr ON person_name_words (fnr);
