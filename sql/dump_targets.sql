-- Every row of targets, for a backup.
select * from targets
