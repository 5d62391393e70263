insert into target_labels by name select * from staged_rows
