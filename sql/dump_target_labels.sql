-- Every row of target_labels, for a backup.
select * from target_labels
