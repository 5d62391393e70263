-- Every row of wards, for a backup.
select * from wards
