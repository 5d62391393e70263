-- Every row of uploads, for a backup.
select * from uploads
