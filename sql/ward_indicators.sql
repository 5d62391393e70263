-- The indicators reported by ward (not only city-wide), with the periods they cover.
select indicator_code as code, period, max(period_start) as period_start, max(period_end) as period_end,
       count(*) as wards
from observations_current
where area_code <> 'CT'
group by indicator_code, period
order by indicator_code, period_end
