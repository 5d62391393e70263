-- The staged rows as the store takes them (diffs, inserts and exports read this view).
create or replace temp view staged_rows as
select code, plan_no, pillar, name_vi, name_en, unit, comparator, target_value, deadline, lead_agency, coordinating_agencies
from staged
