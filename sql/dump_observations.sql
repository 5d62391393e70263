-- Every row of observations, for a backup.
select * from observations
