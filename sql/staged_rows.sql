select * from staged_rows
