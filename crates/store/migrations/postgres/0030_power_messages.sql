-- A power of attorney may cover the conversation with the office: the helper reads it and writes in
-- it, each message signed as the helper on behalf of the person. Keep in step with
-- ../sqlite/0030_power_messages.sql.
--
-- Conservative: what a person tells the office is theirs, so no power given before this covers it;
-- the person ticks it when giving a power.
ALTER TABLE powers_of_attorney ADD COLUMN may_write_messages BIGINT NOT NULL DEFAULT 0;
