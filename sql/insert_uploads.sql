-- A bulk write of uploads on DuckDB (a restore): the registered rows, matched by column name.
insert into uploads by name select * from staged_rows
