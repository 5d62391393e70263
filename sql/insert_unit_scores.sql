insert into unit_scores by name select * from staged_rows
