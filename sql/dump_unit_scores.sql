-- Every row of unit_scores, for a backup.
select * from unit_scores
