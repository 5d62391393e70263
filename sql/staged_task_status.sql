-- The staged rows as the store takes them (diffs, inserts and exports read this view).
create or replace temp view staged_rows as
select task_no, period, period_start, period_end, status, progress_pct, note
from staged
