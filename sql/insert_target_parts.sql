insert into target_parts by name select * from staged_rows
