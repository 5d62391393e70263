-- Empty upload_events (a restore, with --force, into a store that has rows).
delete from upload_events
