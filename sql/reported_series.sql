-- The series with a current figure (city-wide or by ward) for a period covering the given month.
-- (A key has a current figure exactly when it has an active version.)
select distinct indicator_code as code
from observations_active
where period_start <= :month_end
  and period_end >= :month_start
