-- The (series, area) pairs with a current figure for a period covering the given month.
select distinct indicator_code as code, area_code
from observations_active
where period_start <= :month_end
  and period_end >= :month_start
