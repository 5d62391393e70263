-- The ten biggest changes an observations upload would make.
select s.indicator_code, s.area_code, s.period, c.value as old_value, s.value as new_value
from staged_rows as s
join observations_current as c
    on c.indicator_code = s.indicator_code and c.area_code = s.area_code and c.period = s.period
where c.value <> s.value
order by abs(s.value - c.value) desc, s.indicator_code, s.area_code, s.period
limit 10
