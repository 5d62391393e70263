insert into wards by name select * from staged_rows
