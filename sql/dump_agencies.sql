-- Every row of agencies, for a backup.
select * from agencies
