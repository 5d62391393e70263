select max(id) from upload_events
