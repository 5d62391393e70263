-- The series with a current figure (city-wide or by ward) for a period covering the given month.
select distinct indicator_code as code
from observations_current
where period_start <= :month_end
  and period_end >= :month_start
