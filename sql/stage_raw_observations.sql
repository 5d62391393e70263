-- The uploaded table of an observations upload, loaded by stage_raw_load.sql. Columns the file
-- lacks stay empty. Its number column is text (value), or a number (value_number) when read_csv
-- parses the file's plain numbers itself.
create or replace temp table raw (
    indicator_code varchar,
    area varchar,
    period varchar,
    value varchar,
    value_number double,
    note varchar,
    source varchar
)
