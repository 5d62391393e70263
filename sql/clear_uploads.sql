-- Empty uploads (a restore, with --force, into a store that has rows).
delete from uploads
