-- The uploaded text behind reported problems.
select r.rowid as row_id, r.*
from raw as r
join failing_row_ids as f on f.row_id = r.rowid
