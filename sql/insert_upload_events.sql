-- A bulk write of upload_events on DuckDB (a restore): the registered rows, matched by column name.
insert into upload_events by name select * from staged_rows
