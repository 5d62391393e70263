-- Every row of pillars, for a backup.
select * from pillars
