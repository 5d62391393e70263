-- A bulk write of meta on DuckDB (a restore): the registered rows, matched by column name.
insert into meta by name select * from staged_rows
