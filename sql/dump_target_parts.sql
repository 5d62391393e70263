-- Every row of target_parts, for a backup.
select * from target_parts
