-- The indicators reported by ward (not only city-wide), with the periods they cover
-- (any active version of a ward's value stands for its current one: no need to rank versions).
select indicator_code as code, period, max(period_start) as period_start, max(period_end) as period_end
from observations_active
where area_code <> 'CT'
group by indicator_code, period
order by indicator_code, period_end
