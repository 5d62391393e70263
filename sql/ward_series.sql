-- The ward-level values of one indicator for periods begun by the as-of date.
select indicator_code as code, area_code, period, period_end, value
from observations_current
where indicator_code = :code
  and area_code <> 'CT'
  and period_start <= :as_of
order by area_code, period_end
