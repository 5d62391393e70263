-- The uploaded table of a task_status upload, loaded by stage_raw_load.sql. Columns the file
-- lacks stay empty. Its number column is text (progress_pct), or a number (progress_pct_number) when read_csv
-- parses the file's plain numbers itself.
create or replace temp table raw (
    task_no varchar,
    period varchar,
    status varchar,
    progress_pct varchar,
    progress_pct_number double,
    note varchar
)
