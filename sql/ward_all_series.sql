-- Every ward-level value of one ward, for its profile.
select indicator_code as code, area_code, period, period_end, value
from observations_current
where area_code = :area_code
  and period_start <= :as_of
order by indicator_code, period_end
