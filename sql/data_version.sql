-- Changes whenever anything is committed, rolled back, restored or cleared: the key of cached reads.
select coalesce(max(id), 0) from upload_events
