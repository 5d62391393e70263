-- Commit staged rows that live in the store's own connection (bench/ingest.py's path).
insert into task_status by name
select *, :upload_id as upload_id
from staged_rows
