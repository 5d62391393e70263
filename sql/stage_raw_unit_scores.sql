-- The uploaded table of a unit_scores upload, loaded by stage_raw_load.sql. Columns the file
-- lacks stay empty. Its number column is text (score), or a number (score_number) when read_csv
-- parses the file's plain numbers itself.
create or replace temp table raw (
    unit varchar,
    period varchar,
    pillar varchar,
    score varchar,
    score_number double
)
