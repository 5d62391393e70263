-- The staged rows as the store takes them (diffs, inserts and exports read this view).
create or replace temp view staged_rows as
select unit_code, unit_kind, period, period_start, period_end, pillar, score
from staged
