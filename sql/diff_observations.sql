-- How an observations upload compares with the current values.
select count(*) filter (where c.value is null) as rows_new,
       count(*) filter (where c.value is not null and c.value <> s.value) as rows_changed,
       count(*) filter (where c.value = s.value) as rows_unchanged
from staged_rows as s
left join observations_current as c
    on c.indicator_code = s.indicator_code and c.area_code = s.area_code and c.period = s.period
