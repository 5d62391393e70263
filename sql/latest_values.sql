-- The newest current figure of every series and area up to the as-of date (one area, or all when :area is null).
with ranked as (
    select indicator_code as code, area_code, period, period_end, value,
           row_number() over (partition by indicator_code, area_code order by period_end desc, period desc) as newest
    from observations_current
    where period_start <= :as_of
      and (cast(:area as varchar) is null or area_code = cast(:area as varchar))
)
select code, area_code, period, period_end, value
from ranked
where newest = 1
