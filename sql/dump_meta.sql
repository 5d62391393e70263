-- Every row of meta, for a backup.
select * from meta
