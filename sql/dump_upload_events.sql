-- Every row of upload_events, for a backup.
select * from upload_events
