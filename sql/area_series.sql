-- Current values of every indicator in one area (CT: city-wide) for periods begun by the as-of date.
select indicator_code as code, period, period_end, value, note, upload_id
from observations_current
where area_code = :area_code
  and period_start <= :as_of
order by indicator_code, period_end
