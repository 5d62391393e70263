-- The staged rows as the store takes them (diffs, inserts and exports read this view).
create or replace temp view staged_rows as
select indicator_code, area_code, period, period_start, period_end, value, note, source
from staged
